import { afterAll, afterEach, beforeAll } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import type { TribeClientOptions } from '../../src/index.js';

/** Starts one emulator for the test file, resets its faults after each test, and stops it at the end. */
export function useEmulator(options: EmulatorOptions = {}): { readonly current: RunningEmulator } {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterEach(() => emulator?.reset());
  afterAll(async () => {
    await emulator?.close();
  });
  return {
    get current() {
      if (!emulator) throw new Error('the emulator is not running yet');
      return emulator;
    },
  };
}

/** Client options for the emulator's demo app. */
export function appOptions(emulator: RunningEmulator): TribeClientOptions & { networkId: string } {
  return { clientId: emulator.clientId, clientSecret: emulator.clientSecret, networkId: emulator.networkId, endpoint: emulator.url };
}
