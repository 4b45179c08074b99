import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TribeAuthError, TribeGraphQLError, TribeNetworkError, TribeResponseTooLargeError, type TribeEvent } from '../../src/index.js';
import { answerNetwork, startScriptedServer, type ScriptedServer } from '../transport/scripted-server.js';
import { BASIC, expectNoSecret, gzipBomb, hostileClient, rssMiB, SECRET, transports } from './hostile.js';

let server: ScriptedServer;
let other: ScriptedServer;
let defaultMint: ScriptedServer['onMint'];

beforeAll(async () => {
  server = await startScriptedServer();
  other = await startScriptedServer();
  defaultMint = server.onMint;
});
afterAll(async () => {
  await server.close();
  await other.close();
});
afterEach(() => {
  server.onQuery = answerNetwork;
  server.onMint = defaultMint;
  server.seen.length = 0;
  other.seen.length = 0;
});

const queries = (target: ScriptedServer) => target.seen.filter((request) => !request.headers.authorization?.startsWith('Basic ')).length;

describe.each(transports)('hostile answers, %s', (_, transport) => {
  it('stops a 200 MB answer at maxResponseBytes, once (no retry), with memory bounded', async () => {
    const chunk = Buffer.alloc(1 << 20, 0x20);
    server.onQuery = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * chunk.length) });
      let sent = 0;
      const pump = (): void => {
        while (sent < 200) {
          sent += 1;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    };
    const tribe = hostileClient(server, transport, { maxRetries: 3, baseDelayMs: 1 });
    await tribe.getAccessToken();
    const before = rssMiB();
    const error = await tribe.sdk.network().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeResponseTooLargeError);
    expect(error).toMatchObject({ code: 'TRIBE_RESPONSE_TOO_LARGE', maxResponseBytes: 16 * 1024 * 1024, status: 200 });
    expect((error as Error).message).toBe('tribe-sdk: the answer is larger than maxResponseBytes (16777216 bytes); reading stopped');
    expect(queries(server)).toBe(1);
    expect(rssMiB() - before).toBeLessThan(128);
    tribe.close();
  });

  it('stops an endless chunked answer at the limit, long before the timeout', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    server.onQuery = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    };
    const tribe = hostileClient(server, transport, { maxResponseBytes: 4 * 1024 * 1024, timeoutMs: 60_000 });
    const error = await tribe.sdk.network().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeResponseTooLargeError);
    expect((error as TribeResponseTooLargeError).maxResponseBytes).toBe(4 * 1024 * 1024);
    tribe.close();
  });

  it('unpacks a gzip bomb of 1 GiB only up to the limit: RSS grows by less than 128 MiB, and it is not retried', async () => {
    const bomb = await gzipBomb();
    server.onQuery = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      response.end(bomb);
    };
    const tribe = hostileClient(server, transport, { maxRetries: 3, baseDelayMs: 1 });
    await tribe.getAccessToken();
    const before = rssMiB();
    const error = await tribe.sdk.network().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeResponseTooLargeError);
    expect(queries(server)).toBe(1);
    expect(rssMiB() - before).toBeLessThan(128);
    tribe.close();
  });

  it('keeps 10,000 errors to a short message, 50 kept errors and their true count', async () => {
    const errors = Array.from({ length: 10_000 }, (_, index) => ({ message: `field ${index} is wrong in a rather long way`, code: '100' }));
    server.onQuery = (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: null, errors }));
    };
    const error = (await hostileClient(server, transport)
      .sdk.network()
      .catch((caught: unknown) => caught)) as TribeGraphQLError;
    expect(error).toBeInstanceOf(TribeGraphQLError);
    expect(error.message.length).toBeLessThan(2_600);
    expect(error.message).toMatch(/; and \d+ more$/);
    expect(error.errors).toHaveLength(50);
    expect(error.errorCount).toBe(10_000);
    expect(JSON.stringify(error).length).toBeLessThan(20_000);
  });

  it('types errors nested 20,000 deep in a mint answer and in a query answer, without a RangeError or a retry', async () => {
    // Written as text: JSON.stringify itself cannot go 20,000 deep.
    const nested = `${'{"errors":['.repeat(20_000)}{"message":"innermost","code":"108"}${']}'.repeat(20_000)}`;
    const body = `{"data":null,"errors":[${nested}]}`;
    server.onMint = (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(body);
    };
    const mint = await hostileClient(server, transport, { maxRetries: 3 })
      .getAccessToken()
      .catch((caught: unknown) => caught);
    expect(mint).toBeInstanceOf(TribeAuthError);
    expect((mint as Error).message).toBe('tribe-sdk: the client ID or client secret was rejected: innermost (code 108)');
    server.onMint = defaultMint;
    const deepData = `${'{"inner":'.repeat(20_000)}"bottom"${'}'.repeat(20_000)}`;
    server.onQuery = (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(`{"data":${deepData},"errors":[{"errors":[{"message":"deep","code":"100"}]}]}`);
    };
    const query = await hostileClient(server, transport, { maxRetries: 3 })
      .sdk.network()
      .catch((caught: unknown) => caught);
    expect(query).toBeInstanceOf(TribeGraphQLError);
    expect(() => JSON.stringify(query)).not.toThrow();
    expect(queries(server)).toBe(1);
  });

  it('scrubs the Basic value, the secret and the bearer from server text that echoes them, in every view of the error', async () => {
    server.onMint = (request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: `bad credentials: ${request.headers.authorization} (secret ${SECRET})`, code: '108' }] }));
    };
    const mint = await hostileClient(server, transport)
      .getAccessToken()
      .catch((caught: unknown) => caught);
    expect(mint).toBeInstanceOf(TribeAuthError);
    expect((mint as Error).message).toContain('bad credentials: [redacted] (secret [redacted])');
    expectNoSecret(mint, [SECRET, BASIC]);
    server.onMint = defaultMint;
    const tribe = hostileClient(server, transport);
    const { accessToken } = await tribe.getAccessToken();
    for (const status of [200, 500]) {
      server.onQuery = (request, response) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        const echo = `${request.headers.authorization} / ${accessToken}`;
        response.end(JSON.stringify({ data: status === 200 ? { network: { name: echo } } : null, errors: [{ message: `you sent ${echo}`, code: '100' }] }));
      };
      const error = await tribe.sdk.network().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(status === 200 ? TribeGraphQLError : TribeNetworkError);
      expectNoSecret(error, [SECRET, BASIC, accessToken]);
    }
    tribe.close();
  });

  it('follows a redirect only to its own origin: nothing, custom headers included, reaches another origin', async () => {
    server.onQuery = (_request, response) => {
      response.writeHead(307, { location: other.url });
      response.end();
    };
    const tribe = hostileClient(server, transport, { headers: { 'x-app-key': 'app-key-value' } });
    const error = await tribe.sdk.network().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeNetworkError);
    expect(error).toMatchObject({ status: 307 });
    server.onMint = (_request, response) => {
      response.writeHead(308, { location: other.url });
      response.end();
    };
    const minted = await hostileClient(server, transport)
      .getAccessToken({ forceRefresh: true })
      .catch((caught: unknown) => caught);
    expect(minted).toMatchObject({ status: 308 });
    expect(other.seen).toEqual([]);
    tribe.close();
  });

  it('treats an absurd exp as no expiry known, and hands the cache no infinite TTL', async () => {
    server.onMint = (_request, response) => {
      const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"exp":1e306}').toString('base64url')}.sig`;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { limitedToken: { accessToken: token, gatewayUrl: null } } }));
    };
    const ttls: unknown[] = [];
    const tribe = hostileClient(server, transport, {
      tokenCache: { get: () => undefined, set: (_key, _token, ttlMs) => void ttls.push(ttlMs), delete: () => undefined },
    });
    const token = await tribe.getAccessToken();
    expect(token.expiresAt).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ttls).toEqual([undefined]);
    tribe.close();
  });

  it('sends the bearer only to a trusted gatewayUrl: an https gateway on another host is refused, with an event', async () => {
    server.onMint = (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { limitedToken: { accessToken: 'opaque-token-1', gatewayUrl: 'https://evil.example/graphql' } } }));
    };
    const events: TribeEvent[] = [];
    const tribe = hostileClient(server, transport, { onEvent: (event) => events.push(event) });
    expect((await tribe.sdk.network()).network).toMatchObject({ id: 'net-1' });
    expect(server.seen.at(-1)?.headers.authorization).toBe('Bearer opaque-token-1');
    expect(events.filter((event) => event.type === 'gateway-refused')).toEqual([{ type: 'gateway-refused', host: 'evil.example', reason: 'untrusted-host' }]);
    tribe.close();
  });
});
