import { describe, expect, it } from 'vitest';
import {
  BETTERMODE_EU_ENDPOINT,
  BETTERMODE_US_ENDPOINT,
  createTribeClient,
  hasErrorCode,
  TRIBE_API_ERROR_CODES,
  TribeAuthError,
  TribeConfigError,
  TribeNotFoundError,
} from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

describe('error codes', () => {
  it('lists every documented code once, each with a one-line meaning', () => {
    const codes = Object.values(TRIBE_API_ERROR_CODES).map((entry) => entry.code);
    expect(codes).toEqual([1, 10, 30, 50, 100, 102, 104, 106, 108, 110, 112, 114, 116, 118, 120, 122]);
    for (const { meaning } of Object.values(TRIBE_API_ERROR_CODES)) expect(meaning).toMatch(/^[^\n]{5,80}$/);
  });

  it('hasErrorCode finds the code of a not-found answer by name or number, and of a rejected token', async () => {
    const client = createTribeClient(appOptions(emulator.current));
    const missing = await client.sdk.post({ id: 'PstMissing0' }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(TribeNotFoundError);
    expect(hasErrorCode(missing, 'notFound')).toBe(true);
    expect(hasErrorCode(missing, 110)).toBe(true);
    expect(hasErrorCode(missing, 'forbidden')).toBe(false);

    await client.getAccessToken();
    emulator.current.revokeTokens();
    emulator.current.revokeNextTokens(2);
    const rejected = await client.sdk.authMember().catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(TribeAuthError);
    expect(hasErrorCode(rejected, 'invalidAccessToken')).toBe(true);
    expect(JSON.stringify(rejected)).toContain('"apiCodes":["108"]');
    expect(hasErrorCode(new Error('110'), 110)).toBe(false);
    client.close();
  });
});

describe('gateway cache control', () => {
  it('sends X-Bettermode-Cache-Control: no-cache per client, turns it off per call, and on per call', async () => {
    const cached = createTribeClient({ ...appOptions(emulator.current), bypassGatewayCache: true });
    await cached.sdk.network();
    expect(emulator.current.requests.at(-1)).toMatchObject({ operationName: 'network', cacheControl: 'no-cache' });
    await cached.withOptions({ bypassGatewayCache: false }).network();
    expect(emulator.current.requests.at(-1)).toMatchObject({ operationName: 'network', cacheControl: undefined });

    const plain = createTribeClient(appOptions(emulator.current));
    await plain.sdk.network();
    expect(emulator.current.requests.at(-1)?.cacheControl).toBeUndefined();
    await plain.withOptions({ bypassGatewayCache: true }).network();
    expect(emulator.current.requests.at(-1)?.cacheControl).toBe('no-cache');
    expect(() => createTribeClient({ ...appOptions(emulator.current), bypassGatewayCache: 'yes' as never })).toThrow(TribeConfigError);
    cached.close();
    plain.close();
  });
});

describe('regions', () => {
  /** A fetch that records where the client sent each request and carries it to the emulator instead. */
  function forwardingFetch(seen: string[]): typeof fetch {
    return (input, init) => {
      const url = new URL(String(input));
      seen.push(url.origin);
      return fetch(`${new URL(emulator.current.url).origin}/graphql`, init);
    };
  }

  it('region eu sends to api.bettermode.de and us to api.bettermode.com', async () => {
    const { clientId, clientSecret, networkId } = appOptions(emulator.current);
    const credentials = { clientId, clientSecret, networkId };
    for (const [region, host] of [
      ['eu', BETTERMODE_EU_ENDPOINT],
      ['us', BETTERMODE_US_ENDPOINT],
    ] as const) {
      const seen: string[] = [];
      const client = createTribeClient({ ...credentials, region, fetch: forwardingFetch(seen) });
      const { network } = await client.sdk.network();
      expect(network.id).toBe(emulator.current.networkId);
      expect(seen).toEqual([host, host]);
      client.close();
    }
  });

  it('refuses an unknown region, and a region together with an endpoint, before sending anything', () => {
    const before = emulator.current.requests.length;
    const { endpoint, ...credentials } = appOptions(emulator.current);
    expect(() => createTribeClient({ ...credentials, region: 'asia' as never })).toThrow(/region must be one of us, eu/);
    expect(() => createTribeClient({ ...credentials, region: 'eu', endpoint })).toThrow(TribeConfigError);
    expect(emulator.current.requests.length).toBe(before);
  });
});
