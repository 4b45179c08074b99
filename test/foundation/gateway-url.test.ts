import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../packages/tools/src/emulator/index.js';
import { createTribeSdk, mintAccessToken } from '../../src/index.js';
import { acceptGatewayUrl } from '../../src/client/gateway-router.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator({ gatewayUrl: true });

/** Real fetch that refuses to leave loopback, so that a wrongly followed gatewayUrl cannot reach anything. */
function loopbackOnlyFetch(refused: string[]): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      refused.push(url.href);
      return Promise.reject(new TypeError('refused: not loopback'));
    }
    return fetch(input, init);
  };
}

describe('acceptGatewayUrl', () => {
  it("follows https to the endpoint's host, the platform's API domains and the hosts the app trusts, nowhere else", () => {
    expect(acceptGatewayUrl('https://acme.bettermode.com/graphql', 'https://app.tribe.so/graphql')).toBe('https://acme.bettermode.com/graphql');
    expect(acceptGatewayUrl('https://api.bettermode.de/', 'https://api.bettermode.com')).toBe('https://api.bettermode.de/');
    expect(acceptGatewayUrl('https://eu.api.tribe.so/gw', 'https://api.bettermode.com')).toBe('https://eu.api.tribe.so/gw');
    expect(acceptGatewayUrl('https://gw.bettermode.dev/', 'https://api.bettermode.com')).toBe('https://gw.bettermode.dev/');
    expect(acceptGatewayUrl('https://api.example.org/gw', 'https://api.example.org/graphql')).toBe('https://api.example.org/gw');
    expect(acceptGatewayUrl('https://evil.example/graphql', 'https://api.bettermode.com')).toBeUndefined();
    expect(acceptGatewayUrl('https://bettermode.com.evil.example/', 'https://api.bettermode.com')).toBeUndefined();
    expect(acceptGatewayUrl('https://eviltribe.so/', 'https://api.bettermode.com')).toBeUndefined();
    expect(acceptGatewayUrl('https://acme.example/graphql', 'http://127.0.0.1:4000/graphql')).toBeUndefined();
    expect(acceptGatewayUrl('https://gw.acme.example/graphql', 'https://api.bettermode.com', ['acme.example'])).toBe('https://gw.acme.example/graphql');
  });

  it('follows http only to loopback, and only when the endpoint itself is http on loopback', () => {
    expect(acceptGatewayUrl('http://127.0.0.1:4000/gateway', 'http://127.0.0.1:4000/graphql')).toBe('http://127.0.0.1:4000/gateway');
    expect(acceptGatewayUrl('http://localhost:4000/gateway', 'http://localhost:4000/graphql')).toBe('http://localhost:4000/gateway');
    expect(acceptGatewayUrl('http://acme.example/graphql', 'http://127.0.0.1:4000/graphql')).toBeUndefined();
    expect(acceptGatewayUrl('http://10.0.0.5/graphql', 'http://127.0.0.1:4000/graphql')).toBeUndefined();
    expect(acceptGatewayUrl('http://acme.example/graphql', 'https://api.bettermode.com')).toBeUndefined();
    expect(acceptGatewayUrl('http://127.0.0.1:4000/gateway', 'https://api.bettermode.com')).toBeUndefined();
    expect(acceptGatewayUrl('http://127.0.0.1:4000/gateway', 'http://api.example/graphql')).toBeUndefined();
  });

  it('refuses other schemes, credentials in the URL, junk and nothing', () => {
    expect(acceptGatewayUrl('ftp://127.0.0.1/graphql', 'http://127.0.0.1:4000/graphql')).toBeUndefined();
    expect(acceptGatewayUrl('https://user:pass@acme.example/graphql', 'https://api.bettermode.com')).toBeUndefined();
    expect(acceptGatewayUrl('not a url', 'https://api.bettermode.com')).toBeUndefined();
    expect(acceptGatewayUrl('', 'https://api.bettermode.com')).toBeUndefined();
    expect(acceptGatewayUrl(undefined, 'https://api.bettermode.com')).toBeUndefined();
  });
});

describe('gatewayUrl over HTTP', () => {
  it('sends every call after the mint to the minted gatewayUrl (path /gateway)', async () => {
    const e = emulator.current;
    const token = await mintAccessToken(appOptions(e));
    expect(token.gatewayUrl).toBe(e.url.replace(/\/graphql$/, '/gateway'));
    const sdk = await createTribeSdk(appOptions(e));
    await sdk.network();
    await sdk.spaces({ limit: 1 });
    expect(e.requests.map((request) => [request.operationName, request.path])).toEqual([
      ['limitedToken', '/graphql'],
      ['limitedToken', '/graphql'],
      ['network', '/gateway'],
      ['spaces', '/gateway'],
    ]);
  });

  it('does not follow an http gatewayUrl on a non-loopback host: calls stay on the endpoint', async () => {
    const other = await startEmulator({ gatewayUrl: 'http://gateway.acme.example/graphql' });
    try {
      const refused: string[] = [];
      const sdk = await createTribeSdk({ ...appOptions(other), fetch: loopbackOnlyFetch(refused) });
      const { network } = await sdk.network();
      expect(network.id).toBe(other.networkId);
      expect(refused).toEqual([]);
      expect(other.requests.map((request) => [request.operationName, request.path])).toEqual([
        ['limitedToken', '/graphql'],
        ['network', '/graphql'],
      ]);
    } finally {
      await other.close();
    }
  });
});
