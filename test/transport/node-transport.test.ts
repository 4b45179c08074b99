import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as nodeEntry from '../../src/index.node.js';
import * as universalEntry from '../../src/index.js';
import {
  SDK_VERSION,
  TribeAbortError,
  TribeAuthError,
  TribeForbiddenError,
  TribeGraphQLError,
  TribeNetworkError,
  TribeRateLimitError,
  TribeTimeoutError,
} from '../../src/index.js';
import { NetworkDocument, type NetworkQuery } from '../../generated/sdk.js';
import { answerNetwork, networkAnswer, startScriptedServer, type ScriptedServer } from './scripted-server.js';

let server: ScriptedServer;
let other: ScriptedServer;

beforeAll(async () => {
  server = await startScriptedServer();
  other = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});

afterEach(() => {
  server.onQuery = answerNetwork;
  other.onQuery = answerNetwork;
  server.seen.length = 0;
  other.seen.length = 0;
});

const options = () => ({ clientId: 'id', clientSecret: 'secret', networkId: 'net-1', endpoint: server.url, maxRetries: 0 });
// Node's fetch marks its requests with `sec-fetch-mode`; undici's `request` does not, which tells the transports apart.
// On Node both entries resolve the undici exchange (package.json `imports`); the fetch exchange is the one of every
// other runtime, and the one used whenever `fetch` is given.
type ClientFactory = typeof universalEntry.createTribeClient;
const entries = [
  ['node entry (undici)', nodeEntry.createTribeClient, false],
  ['fetch exchange', ((given) => universalEntry.createTribeClient({ fetch: globalThis.fetch, ...given })) as ClientFactory, true],
] as const;

// `deflate` is the zlib-wrapped format of RFC 9110; undici does not accept raw deflate sent under that name.
const compress = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync } as const;

describe.each(entries)('%s', (_, createTribeClient, viaFetch) => {
  it.each(Object.keys(compress) as Array<keyof typeof compress>)('decodes a %s answer', async (kind) => {
    server.onQuery = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': kind });
      response.end(compress[kind](JSON.stringify(networkAnswer)));
    };
    expect(await createTribeClient(options()).sdk.network()).toEqual(networkAnswer.data);
  });

  it('sends the operationName, the variables, a user-agent naming the SDK and the bearer', async () => {
    const tribe = createTribeClient(options());
    await tribe.sdk.member({ id: 'm-1' });
    const call = server.seen.find((request) => !request.headers.authorization?.startsWith('Basic'))!;
    expect(call.body.operationName).toBe('member');
    expect(call.body.variables).toEqual({ id: 'm-1' });
    expect(call.body.query).toContain('query member');
    expect(call.headers['user-agent']).toBe(`tribe-sdk/${SDK_VERSION}`);
    expect(call.headers.authorization).toMatch(/^Bearer /);
    expect(server.seen.every((request) => 'sec-fetch-mode' in request.headers === viaFetch)).toBe(true);
    expect(server.seen.find((request) => request.body.operationName === 'limitedToken')?.headers['user-agent']).toBe(`tribe-sdk/${SDK_VERSION}`);
  });

  it.each([
    [401, TribeAuthError],
    [403, TribeForbiddenError],
    [429, TribeRateLimitError],
    [500, TribeNetworkError],
  ] as const)('maps a gzipped HTTP %i answer to its error class, with the errors of its body', async (status, ErrorClass) => {
    server.onQuery = (_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'retry-after': '7' });
      response.end(gzipSync(JSON.stringify({ errors: [{ message: `status ${status}` }] })));
    };
    const error = await createTribeClient(options())
      .sdk.network()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status });
    if (status !== 500) expect((error as Error).message).toContain(`status ${status}`);
    if (error instanceof TribeRateLimitError) expect(error.retryAfter).toBe(7);
  });

  it('maps GraphQL errors in a 200 answer to TribeGraphQLError with the partial data', async () => {
    server.onQuery = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: { network: null }, errors: [{ message: 'nope', code: '100' }] }));
    };
    const error = await createTribeClient(options())
      .sdk.network()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeGraphQLError);
    expect(error).toMatchObject({ errors: [{ message: 'nope', code: '100' }], data: { network: null } });
  });

  it('aborts on the caller signal and times out a stalled body', async () => {
    server.onQuery = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":');
    };
    const tribe = createTribeClient(options());
    await tribe.getAccessToken();
    const controller = new AbortController();
    const pending = tribe.withOptions({ signal: controller.signal }).network();
    setTimeout(() => controller.abort(), 50);
    expect(await pending.catch((caught: unknown) => caught)).toBeInstanceOf(TribeAbortError);
    expect(
      await tribe
        .withOptions({ timeoutMs: 100 })
        .network()
        .catch((caught: unknown) => caught),
    ).toBeInstanceOf(TribeTimeoutError);
  });

  it('keeps a fetch the user passes in', async () => {
    const urls: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    await createTribeClient({ ...options(), fetch: recordingFetch }).sdk.network();
    expect(urls).toEqual([server.url, server.url]);
  });
});

describe('node entry redirects', () => {
  const redirectTo =
    (status: number, location: string): ScriptedServer['onQuery'] =>
    (request, response) => {
      if (request.path === '/moved') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(networkAnswer));
        return;
      }
      response.writeHead(status, { location });
      response.end();
    };

  it('follows a 307 or 308 to the same origin, re-sending the same POST', async () => {
    for (const status of [307, 308]) {
      server.onQuery = redirectTo(status, '/moved');
      server.seen.length = 0;
      expect(await nodeEntry.createTribeClient(options()).sdk.network()).toEqual(networkAnswer.data);
      const moved = server.seen.find((request) => request.path === '/moved')!;
      expect(moved.body.operationName).toBe('network');
      expect(moved.headers.authorization).toMatch(/^Bearer /);
    }
  });

  it('does not follow a redirect to another origin, nor a 302, nor more than the limit', async () => {
    server.onQuery = redirectTo(307, other.url.replace('/graphql', '/moved'));
    expect(
      await nodeEntry
        .createTribeClient(options())
        .sdk.network()
        .catch((caught: unknown) => caught),
    ).toMatchObject({ status: 307 });
    expect(other.seen).toEqual([]);
    server.onQuery = redirectTo(302, '/moved');
    expect(
      await nodeEntry
        .createTribeClient(options())
        .sdk.network()
        .catch((caught: unknown) => caught),
    ).toMatchObject({ status: 302 });
    server.onQuery = (_request, response) => {
      response.writeHead(307, { location: '/again' });
      response.end();
    };
    server.seen.length = 0;
    expect(
      await nodeEntry
        .createTribeClient(options())
        .sdk.network()
        .catch((caught: unknown) => caught),
    ).toBeInstanceOf(TribeNetworkError);
    const queries = server.seen.filter((request) => request.body.operationName === 'network');
    expect(queries).toHaveLength(1 + nodeEntry.MAX_SAME_ORIGIN_REDIRECTS);
  });

  it('mints through undici too, unless a fetch is given', async () => {
    const token = await nodeEntry.mintAccessToken(options());
    expect(token.accessToken.split('.')).toHaveLength(3);
    expect(server.seen.at(-1)?.headers).not.toHaveProperty('sec-fetch-mode');
    await nodeEntry.mintAccessToken({ ...options(), fetch });
    expect(server.seen.at(-1)?.headers).toHaveProperty('sec-fetch-mode');
  });
});

describe('createTokenRequest', () => {
  it('runs a generated document with a minted token and maps errors like the client', async () => {
    const token = await universalEntry.mintAccessToken(options());
    const request = universalEntry.createTokenRequest(token, { networkId: 'net-1', endpoint: server.url });
    const data = await request<NetworkQuery>(NetworkDocument);
    expect(data).toEqual(networkAnswer.data);
    const call = server.seen.at(-1)!;
    expect(call.body.operationName).toBe('network');
    expect(call.headers.authorization).toBe(`Bearer ${token.accessToken}`);
    server.onQuery = (_request, response) => {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: 'forbidden', code: '102' }] }));
    };
    const error = await request(NetworkDocument).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeForbiddenError);
    expect(String((error as Error).message)).toContain('net-1');
  });
});
