import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryTokenCache, TribeAbortError, type CachedToken, type TokenCache, type TribeEvent } from '../../src/index.js';
import { answerNetwork, startScriptedServer, type ScriptedServer } from '../transport/scripted-server.js';
import { hostileClient, transports } from './hostile.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.onQuery = answerNetwork;
  server.seen.length = 0;
});

const mints = () => server.seen.filter((request) => request.headers.authorization?.startsWith('Basic ')).length;
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
const cacheProblems = (events: TribeEvent[]) =>
  events.flatMap((event) => (event.type === 'token-cache-problem' ? [`${event.operation}:${event.problem}`] : []));

describe.each(transports)('faulty plugged-in parts, %s', (_, transport) => {
  it('a cache whose get never settles: the call goes on after timeoutMs as a miss, and its signal still ends it', async () => {
    const events: TribeEvent[] = [];
    const cache: TokenCache = { get: () => never(), set: () => undefined, delete: () => undefined };
    const tribe = hostileClient(server, transport, { tokenCache: cache, timeoutMs: 300, onEvent: (event) => events.push(event) });
    expect((await tribe.sdk.network()).network).toMatchObject({ id: 'net-1' });
    expect(cacheProblems(events)).toContain('get:timed-out');
    const controller = new AbortController();
    const aborted = tribe
      .withOptions({ signal: controller.signal, timeoutMs: 60_000 })
      .network()
      .catch((caught: unknown) => caught);
    setTimeout(() => controller.abort(), 50);
    expect(await aborted).toBeInstanceOf(TribeAbortError);
    tribe.close();
  });

  it('a cache whose set never settles blocks nothing: later calls for the same member go on, on one mint', async () => {
    const cache: TokenCache = { get: () => undefined, set: () => never(), delete: () => never() };
    const tribe = hostileClient(server, transport, { tokenCache: cache, timeoutMs: 2_000 });
    const ada = tribe.impersonate('MbrAda');
    for (let call = 0; call < 5; call++) expect((await ada.network()).network).toMatchObject({ id: 'net-1' });
    expect(mints()).toBe(1);
    tribe.close();
  });

  it('a cache that throws or rejects on every method: calls succeed, one mint in all, each problem reported', async () => {
    for (const fail of [
      () => {
        throw new Error('cache down');
      },
      () => Promise.reject(new Error('cache down')),
    ]) {
      server.seen.length = 0;
      const events: TribeEvent[] = [];
      const cache = { get: fail, set: fail, delete: fail } as unknown as TokenCache;
      const tribe = hostileClient(server, transport, { tokenCache: cache, onEvent: (event) => events.push(event) });
      for (let call = 0; call < 5; call++) expect((await tribe.sdk.network()).network).toMatchObject({ id: 'net-1' });
      expect(mints()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(new Set(cacheProblems(events))).toEqual(new Set(['get:failed', 'set:failed']));
      tribe.close();
    }
  });

  it('a cache that answers garbage: every entry is a miss, and only a real token is ever sent', async () => {
    for (const garbage of [
      'garbage',
      {},
      { accessToken: 42 },
      { accessToken: '' },
      { accessToken: 'has space', mintedAt: 1 },
      { accessToken: 'tok\r\nx-evil: 1', mintedAt: 1 },
      { accessToken: 'ok', mintedAt: 1, expiresAt: Number.NaN },
    ]) {
      server.seen.length = 0;
      const events: TribeEvent[] = [];
      const cache: TokenCache = { get: () => garbage as unknown as CachedToken, set: () => undefined, delete: () => undefined };
      const tribe = hostileClient(server, transport, { tokenCache: cache, onEvent: (event) => events.push(event) });
      expect((await tribe.sdk.network()).network).toMatchObject({ id: 'net-1' });
      const bearer = server.seen.at(-1)!.headers.authorization!;
      expect(bearer, JSON.stringify(garbage)).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      expect(cacheProblems(events), JSON.stringify(garbage)).toContain('get:invalid-entry');
      tribe.close();
    }
  });

  it('an async listener that rejects, and one that throws, never surface as unhandled rejections', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const rejecting = hostileClient(server, transport, { onEvent: async () => Promise.reject(new Error('listener bug')) });
      const throwing = hostileClient(server, transport, {
        onEvent: () => {
          throw new Error('listener bug');
        },
      });
      for (let call = 0; call < 5; call++) {
        await rejecting.sdk.network();
        await throwing.sdk.network();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      rejecting.close();
      throwing.close();
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

describe('the default token cache', () => {
  it('is bounded, least recently used out first', () => {
    const cache = new MemoryTokenCache({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) cache.set(key, { accessToken: key, mintedAt: 0 }, undefined);
    cache.get('a');
    cache.set('d', { accessToken: 'd', mintedAt: 0 }, undefined);
    expect([cache.get('a')?.accessToken, cache.get('b'), cache.get('c')?.accessToken, cache.get('d')?.accessToken]).toEqual(['a', undefined, 'c', 'd']);
  });

  it('lets go of 10,000 expired member tokens at the next store, instead of holding them until close()', () => {
    let now = 0;
    const cache = new MemoryTokenCache({ now: () => now });
    for (let member = 0; member < 10_000; member++) cache.set(`member:${member}`, { accessToken: `t${member}`, mintedAt: 0 }, 60_000);
    expect(cache.size).toBe(10_000);
    now = 60_001;
    cache.set('bot', { accessToken: 'fresh', mintedAt: now }, 60_000);
    expect(cache.size).toBe(1);
  });
});

describe('the Node pool', () => {
  let own: ScriptedServer;
  // A server of its own: other tests' fetch clients keep sockets to the shared one in the process-wide pool.
  beforeAll(async () => {
    own = await startScriptedServer();
  });
  afterAll(() => own.close());

  it('opens at most maxConnections sockets for 2,000 concurrent calls, and close() ends them and the calls in flight', async () => {
    const server = own;
    const tribe = hostileClient(server, {}, { maxConnections: 8 });
    await tribe.getAccessToken();
    const accepted = server.connections.accepted;
    const results = await Promise.all(Array.from({ length: 2_000 }, () => tribe.sdk.network()));
    expect(results).toHaveLength(2_000);
    expect(server.connections.accepted - accepted).toBeLessThanOrEqual(8);
    server.onQuery = () => undefined;
    const inFlight = Array.from({ length: 20 }, () => tribe.sdk.network().catch((caught: unknown) => caught));
    await new Promise((resolve) => setTimeout(resolve, 100));
    tribe.close();
    const settled = await Promise.all(inFlight);
    expect(settled.every((error) => error instanceof TribeAbortError)).toBe(true);
    for (let wait = 0; wait < 50 && server.connections.open > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.connections.open).toBe(0);
  });
});

describe('the fetch entry on Node', () => {
  it('keeps 200 concurrent calls within maxConnections sockets (64 by default, or the transport group’s)', async () => {
    for (const [options, bound] of [
      [{}, 64],
      [{ transport: { maxConnections: 8 } }, 8],
    ] as const) {
      // A server per case: the runtime's fetch keeps idle sockets in its process-wide pool, which a second client would reuse.
      const server = await startScriptedServer();
      const tribe = hostileClient(server, { fetch: globalThis.fetch }, options);
      await tribe.getAccessToken();
      const results = await Promise.all(Array.from({ length: 200 }, () => tribe.sdk.network()));
      expect(results).toHaveLength(200);
      expect(server.connections.accepted).toBeLessThanOrEqual(bound + 1);
      expect(server.connections.accepted).toBeGreaterThan(1);
      tribe.close();
      await server.close();
    }
  });
});
