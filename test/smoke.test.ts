import { describe, expect, it } from 'vitest';
import { createTribeSdk } from '../src/index.js';
import { appOptions, useEmulator } from './support/emulator.js';

const emulator = useEmulator();

describe('smoke', () => {
  it('mints and queries', async () => {
    const sdk = await createTribeSdk(appOptions(emulator.current));
    const { network } = await sdk.network();
    expect(network.id).toBe(emulator.current.networkId);
  });
});
