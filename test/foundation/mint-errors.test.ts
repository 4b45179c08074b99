import { describe, expect, it } from 'vitest';
import { createTribeSdk, mintAccessToken, TribeAuthError, TribeError, TribeForbiddenError } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

describe('mint errors', () => {
  it('is Forbidden on a network where the app is not installed, and says it must be published and installed there', async () => {
    const e = emulator.current;
    const error = await mintAccessToken({ ...appOptions(e), networkId: e.uninstalledNetworkId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeForbiddenError);
    expect(error).toBeInstanceOf(TribeError);
    const forbidden = error as TribeForbiddenError;
    expect(forbidden.code).toBe('TRIBE_FORBIDDEN');
    expect(forbidden.status).toBe(403);
    expect(forbidden.networkId).toBe(e.uninstalledNetworkId);
    expect(forbidden.message).toContain(`network ${e.uninstalledNetworkId}`);
    expect(forbidden.message).toMatch(/must be published and installed/);
    expect(e.requestCount('limitedToken')).toBe(1);
  });

  it('createTribeSdk rejects with the same Forbidden error and sends nothing after the mint', async () => {
    const e = emulator.current;
    await expect(createTribeSdk({ ...appOptions(e), networkId: e.uninstalledNetworkId })).rejects.toBeInstanceOf(TribeForbiddenError);
    expect(e.requests.map((request) => request.operationName)).toEqual(['limitedToken']);
  });

  it('is a TribeAuthError for a wrong client secret', async () => {
    const e = emulator.current;
    const error = await mintAccessToken({ ...appOptions(e), clientSecret: 'not-the-secret' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeAuthError);
    expect((error as TribeAuthError).code).toBe('TRIBE_AUTH');
    expect((error as TribeAuthError).status).toBe(401);
    expect((error as TribeAuthError).message).toMatch(/client ID or client secret was rejected/);
  });

  it('is a TribeAuthError for an unknown client ID, and is not retried', async () => {
    const e = emulator.current;
    await expect(createTribeSdk({ ...appOptions(e), clientId: 'someone-else' })).rejects.toBeInstanceOf(TribeAuthError);
    expect(e.requestCount()).toBe(1);
  });
});
