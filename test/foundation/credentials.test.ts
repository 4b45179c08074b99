import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoData, startEmulator, type RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import { createTribeSdk, mintAccessToken } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const demo = useEmulator();

/** The endpoint in the documented form `http://{clientId}:{clientSecret}@host/graphql`, percent-encoded. */
function endpointWithCredentials(emulator: RunningEmulator, clientId = emulator.clientId, clientSecret = emulator.clientSecret): string {
  return emulator.url.replace('http://', `http://${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}@`);
}

/** Decodes the Basic header the server received to its raw bytes. */
function basicBytes(header: string | undefined): Buffer {
  expect(header).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
  return Buffer.from(header!.slice('Basic '.length), 'base64');
}

describe('credentials in the endpoint URL', () => {
  it('moves them into the Basic header: no request target carries them', async () => {
    const e = demo.current;
    const endpoint = endpointWithCredentials(e);
    const sdk = await createTribeSdk({ networkId: e.networkId, endpoint });
    const { network } = await sdk.network();
    expect(network.id).toBe(e.networkId);
    expect(e.requests.map((request) => [request.operationName, request.url])).toEqual([
      ['limitedToken', '/graphql'],
      ['network', '/graphql'],
    ]);
    for (const request of e.requests) {
      expect(request.url).not.toContain(e.clientSecret);
      expect(request.url).not.toContain('@');
    }
    expect(basicBytes(e.requests[0]!.authorization).toString('utf8')).toBe(`${e.clientId}:${e.clientSecret}`);
    expect(e.requests[1]!.authorization).toMatch(/^Bearer /);
  });

  it('mintAccessToken accepts the same form', async () => {
    const e = demo.current;
    const token = await mintAccessToken({ networkId: e.networkId, endpoint: endpointWithCredentials(e) });
    expect(token.accessToken.split('.')).toHaveLength(3);
    expect(e.requests[0]!.url).toBe('/graphql');
  });
});

describe('non-ASCII and reserved characters in credentials', () => {
  const clientId = 'app-ünïcode';
  const clientSecret = 'sécret-密码-🔑:@/%?#';
  let emulator: RunningEmulator;

  beforeAll(async () => {
    const data = createDemoData();
    data.apps[0] = { ...data.apps[0]!, clientId, clientSecret };
    emulator = await startEmulator({ data });
  });
  afterAll(() => emulator.close());

  it('mints with Basic base64 of the UTF-8 bytes of id:secret', async () => {
    const token = await mintAccessToken({ ...appOptions(emulator), clientId, clientSecret });
    expect(token.accessToken.split('.')).toHaveLength(3);
    const bytes = basicBytes(emulator.requests.at(-1)!.authorization);
    expect(bytes.equals(Buffer.from(`${clientId}:${clientSecret}`, 'utf8'))).toBe(true);
    expect([...bytes.subarray(0, 6)]).toEqual([0x61, 0x70, 0x70, 0x2d, 0xc3, 0xbc]);
    expect(bytes.includes(Buffer.from([0xf0, 0x9f, 0x94, 0x91]))).toBe(true);
  });

  it('decodes percent-encoded credentials from the endpoint URL before encoding them', async () => {
    const endpoint = endpointWithCredentials(emulator, clientId, clientSecret);
    const sdk = await createTribeSdk({ networkId: emulator.networkId, endpoint });
    const { authMember } = await sdk.authMember();
    expect(authMember.id).toBe(emulator.store.data.apps[0]!.botMemberId);
    const mint = emulator.requests.filter((request) => request.operationName === 'limitedToken').at(-1)!;
    expect(basicBytes(mint.authorization).toString('utf8')).toBe(`${clientId}:${clientSecret}`);
    expect(mint.url).toBe('/graphql');
  });
});
