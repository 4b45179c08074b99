import { inspect } from 'node:util';
import { afterEach, expect } from 'vitest';
import type { RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import type { TribeEvent } from '../../src/index.js';

/** Collects events and errors, then checks that none of them shows a secret or a token. */
export class LeakWatch {
  readonly events: TribeEvent[] = [];
  readonly errors: unknown[] = [];

  /** The listener to pass as `onEvent`. */
  readonly onEvent = (event: TribeEvent): void => {
    this.events.push(event);
  };

  /** Runs `promise` and keeps its error, if any, for the leak check; returns the error. */
  async failure(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      this.errors.push(error);
      return error;
    }
    throw new Error('expected the call to fail');
  }

  /** Asserts that no event or error, in any rendering, contains the secret, a Basic value or a token the emulator saw. */
  assertNoLeaks(emulator: RunningEmulator): void {
    const secrets = new Set<string>([emulator.clientSecret]);
    for (const request of emulator.requests) {
      const value = request.authorization?.split(' ')[1];
      if (value) secrets.add(value);
    }
    const renderings = [
      ...this.events.map((event) => JSON.stringify(event)),
      ...this.errors.flatMap((error) => [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? '']),
    ];
    for (const text of renderings) {
      for (const secret of secrets) expect(text.includes(secret), `leaked into: ${text.slice(0, 200)}`).toBe(false);
    }
  }
}

/**
 * Gives each test a fresh {@link LeakWatch} and checks it after the test; register it after
 * `useEmulator()` so the check runs before the emulator forgets its request log.
 */
export function watchForLeaks(emulator: { readonly current: RunningEmulator }): { readonly current: LeakWatch } {
  let watch = new LeakWatch();
  afterEach(() => {
    watch.assertNoLeaks(emulator.current);
    watch = new LeakWatch();
  });
  return {
    get current() {
      return watch;
    },
  };
}
