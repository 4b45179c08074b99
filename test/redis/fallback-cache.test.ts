import { describe, expect, it } from 'vitest';
import { FallbackTokenCache } from '../../src/cluster/fallback-token-cache.js';
import { createRedisTokenStore } from '../../src/redis/index.js';
import { redisAvailable, startRedis } from '../support/redis.js';
import { useClients } from './clients.js';

const available = redisAvailable();

describe.skipIf(!available)('FallbackTokenCache over a Redis that goes away', () => {
  const connect = useClients('ioredis', () => '');

  it('serves from this process without a lock once Redis fails, with the token it last read there, and reports the change once', async () => {
    const redis = await startRedis();
    const changes: boolean[] = [];
    const cache = new FallbackTokenCache(createRedisTokenStore({ client: (await connect(redis.url)).client, commandTimeoutMs: 200 }), (fallback) =>
      changes.push(fallback),
    );
    const token = { accessToken: 'shared.token', mintedAt: Date.now(), expiresAt: Date.now() + 60_000 };
    await cache.set('k', token, 60_000);
    expect(await cache.get('k')).toEqual(token);
    const holder = await cache.acquireMintLock('k', 1_000);
    expect(holder).toMatch(/^[0-9a-f]{32}$/);
    await cache.releaseMintLock('k', holder!);
    // Another process stored this one; this process only read it, and keeps it through the outage.
    const other = { ...token, accessToken: 'other.process.token' };
    await createRedisTokenStore({ client: (await connect(redis.url)).client }).set('other', other, 60_000);
    expect(await cache.get('other')).toEqual(other);
    await redis.stop();
    const started = Date.now();
    expect(await cache.get('other')).toEqual(other);
    expect(await cache.get('k')).toEqual(token);
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.acquireMintLock('k', 1_000)).toBe('local');
    const local = { ...token, accessToken: 'local.token' };
    await cache.set('k', local, 60_000);
    expect(await cache.get('k')).toEqual(local);
    await cache.releaseMintLock('k', 'local');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(changes).toEqual([true]);
  });
});
