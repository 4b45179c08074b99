import { afterAll, afterEach, beforeAll, onTestFinished } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../packages/tools/src/emulator/index.js';
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

/** Starts an emulator of the current test's own, stopped when the test ends, so its changes to the data reach no other test. */
export async function startOwnEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator(options);
  onTestFinished(() => emulator.close());
  return emulator;
}

/** Client options for the emulator's demo app. */
export function appOptions(emulator: RunningEmulator): TribeClientOptions & { networkId: string } {
  return { clientId: emulator.clientId, clientSecret: emulator.clientSecret, networkId: emulator.networkId, endpoint: emulator.url };
}
