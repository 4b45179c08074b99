import { onTestFinished } from 'vitest';
import type { RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import { createTribeClient, type TribeClient } from '../../src/index.js';
import { appOptions, startOwnEmulator } from '../support/emulator.js';

/** An emulator of the current test's own with the demo app's client on it, both closed when the test ends. */
export async function ownEmulatorAndClient(): Promise<{ own: RunningEmulator; ownClient: TribeClient }> {
  const own = await startOwnEmulator();
  const ownClient = createTribeClient(appOptions(own));
  onTestFinished(() => ownClient.close());
  return { own, ownClient };
}
