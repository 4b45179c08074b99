import { describe, expect, it } from 'vitest';
import type { CachedToken } from '../../src/auth/token-cache.js';
import { mintOnceInCluster } from '../../src/cluster/shared-mint.js';
import { TribeConfigError, TribeNetworkError, TribeTimeoutError } from '../../src/index.js';
import { createRedisTokenStore, type RedisClientLike } from '../../src/redis/index.js';
import { redisAvailable, startRedis, useRedis } from '../support/redis.js';
import { CLIENT_KINDS, useClients } from './clients.js';

const available = redisAvailable();
const redis = useRedis();

const token = (accessToken: string, extra: Partial<CachedToken> = {}): CachedToken => ({
  accessToken,
  mintedAt: Date.now(),
  expiresAt: Date.now() + 60_000,
  ...extra,
});

describe.skipIf(!available).each(Object.keys(CLIENT_KINDS) as (keyof typeof CLIENT_KINDS)[])('the Redis token store with a %s client', (kind) => {
  const connect = useClients(kind, () => redis.current.url);
  let prefixCount = 0;
  const prefix = (): string => `test-${kind}-${++prefixCount}-${Date.now()}:`;

  it('stores a token under its prefix with a TTL from the expiry, and reads it back', async () => {
    const { client, raw } = await connect();
    const own = prefix();
    const store = createRedisTokenStore({ client, prefix: own });
    const stored = token('tok.en', { gatewayUrl: 'http://127.0.0.1:1/gateway' });
    await store.set('k', stored, 30_000);
    expect(await store.get('k')).toEqual(stored);
    const ttl = await raw.pttl(`${own}token:k`);
    expect(ttl).toBeGreaterThan(29_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
    expect(await createRedisTokenStore({ client, prefix: prefix() }).get('k')).toBeUndefined();
  });

  it('treats what is not a token of ours as a miss', async () => {
    const { client, raw } = await connect();
    const own = prefix();
    const store = createRedisTokenStore({ client, prefix: own });
    const garbage = [
      'not json',
      '[]',
      '{"v":1}',
      '{"v":2,"accessToken":"a","mintedAt":1}',
      '{"v":1,"accessToken":"a b","mintedAt":1}',
      '{"v":1,"accessToken":"a","mintedAt":"1"}',
      `{"v":1,"accessToken":"${'a'.repeat(20_000)}","mintedAt":1}`,
    ];
    for (const value of garbage) {
      await raw.set(`${own}token:k`, value);
      expect(await store.get('k')).toBeUndefined();
    }
  });

  it('lets one holder take the mint lock, releases it only for that holder, and lets it expire', async () => {
    const { client } = await connect();
    const store = createRedisTokenStore({ client, prefix: prefix() });
    const holder = await store.acquireMintLock('k', 300);
    expect(holder).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.acquireMintLock('k', 300)).toBeUndefined();
    await store.releaseMintLock('k', 'someone else');
    expect(await store.acquireMintLock('k', 300)).toBeUndefined();
    await store.releaseMintLock('k', holder!);
    const next = await store.acquireMintLock('k', 100);
    expect(next).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await store.acquireMintLock('k', 100)).toBeDefined();
  });

  it('shares one mint between stores of the same prefix, and mints again when the holder dies', async () => {
    const own = prefix();
    const stores = await Promise.all([1, 2, 3, 4].map(async () => createRedisTokenStore({ client: (await connect()).client, prefix: own })));
    let mints = 0;
    const options = (store: (typeof stores)[number]) => ({
      cache: store,
      key: 'bot',
      mint: async () => {
        mints += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return token(`minted-${mints}`);
      },
      accepts: () => true,
      lockTtlMs: 2_000,
      pollMs: 10,
      waitLimitMs: 5_000,
      now: Date.now,
      store: (minted: CachedToken) => store.set('bot', minted, 60_000),
    });
    const results = await Promise.all(stores.map((store) => mintOnceInCluster(options(store))));
    expect(mints).toBe(1);
    expect(new Set(results.map((result) => result.token.accessToken))).toEqual(new Set(['minted-1']));
    expect(results.filter((result) => result.minted)).toHaveLength(1);

    // A holder that took the lock and died: the lock expires, then a waiter mints.
    await stores[0]!.delete('other');
    expect(await stores[0]!.acquireMintLock('other', 200)).toBeDefined();
    const started = Date.now();
    const after = await mintOnceInCluster({ ...options(stores[1]!), key: 'other', store: (minted) => stores[1]!.set('other', minted, 60_000) });
    expect(after.minted).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(mints).toBe(2);
  });

  it('gives up waiting with TribeTimeoutError when the lock is held past the wait limit', async () => {
    const { client } = await connect();
    const store = createRedisTokenStore({ client, prefix: prefix() });
    await store.acquireMintLock('k', 5_000);
    const waiting = mintOnceInCluster({
      cache: store,
      key: 'k',
      mint: () => Promise.reject(new Error('not the holder')),
      accepts: () => true,
      lockTtlMs: 5_000,
      pollMs: 10,
      waitLimitMs: 100,
      now: Date.now,
      store: async () => undefined,
    });
    await expect(waiting).rejects.toBeInstanceOf(TribeTimeoutError);
  });

  it('fails a command with TribeNetworkError within its timeout when Redis is gone, instead of hanging', async () => {
    const own = await startRedis();
    const { client } = await connect(own.url);
    const store = createRedisTokenStore({ client, prefix: prefix(), commandTimeoutMs: 200 });
    await store.set('k', token('before'), 10_000);
    await own.stop();
    const started = Date.now();
    await expect(store.get('k')).rejects.toBeInstanceOf(TribeNetworkError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('createRedisTokenStore options', () => {
  it.each([
    ['no client', { client: undefined as unknown as RedisClientLike }],
    ['a client of neither package', { client: {} as RedisClientLike }],
    ['a prefix with spaces', { client: { call: async () => null }, prefix: 'a b' }],
    ['a zero command timeout', { client: { call: async () => null }, commandTimeoutMs: 0 }],
  ])('refuses %s with TribeConfigError', (_, options) => {
    expect(() => createRedisTokenStore(options as never)).toThrow(TribeConfigError);
  });
});
