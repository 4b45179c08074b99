// rate-limiter-flexible, not Bottleneck (bench/limiter-libraries.ts measures both): it is maintained,
// works with both redis v4+ and ioredis clients, its fixed windows start at the first request as
// Tribe's do, it can charge points after the fact (penalty/reward), and it costs about 2 µs per call in
// memory and one Redis round trip shared. Its main module loads node:cluster, hence this node-only entry.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { redisCommand, type RedisClientLike } from '../redis/redis-commands.js';

// The library's own script, with the window set in ms (PX) from the duration argument instead of in
// whole seconds, so that a window can be a second plus a margin.
const INCREMENT_WITH_MS_WINDOW = `local window = math.floor(tonumber(ARGV[4]) * 1000)
redis.call('set', KEYS[1], 0, 'PX', window, 'NX')
local consumed = redis.call('incrby', KEYS[1], ARGV[1])
local ttl = redis.call('pttl', KEYS[1])
if ttl == -1 then
  redis.call('pexpire', KEYS[1], window)
  ttl = window
end
return {consumed, ttl}`;

/** The two counters of one burst window: requests and complexity. */
export interface WindowLimiters {
  requests: RateLimiterAbstract;
  complexity: RateLimiterAbstract;
  /** Starts both windows of `key` afresh from now, keeping their counts (the library has no call for it). */
  restart(key: string): Promise<void>;
}

/** Counters in this process. */
export function memoryLimiters(requests: number, complexity: number, durationS: number): WindowLimiters {
  const limiters = [
    new RateLimiterMemory({ points: requests, duration: durationS }),
    new RateLimiterMemory({ points: complexity, duration: durationS }),
  ] as const;
  return {
    requests: limiters[0],
    complexity: limiters[1],
    async restart(key) {
      for (const limiter of limiters) {
        const counted = await limiter.get(key);
        if (counted) await limiter.set(key, counted.consumedPoints, durationS);
      }
    },
  };
}

/** Counters in Redis, shared by every process with the same prefix; fails fast when the client is not connected. */
export function redisLimiters(client: RedisClientLike, prefix: string, requests: number, complexity: number, durationS: number): WindowLimiters {
  const shared = {
    storeClient: client,
    duration: durationS,
    rejectIfRedisNotReady: true,
    customIncrTtlLuaScript: INCREMENT_WITH_MS_WINDOW,
    // node-redis (v4+) has no `call`; the library tells the two APIs apart by this flag.
    useRedisPackage: typeof (client as { call?: unknown }).call !== 'function',
  };
  const requestsLimiter = new RateLimiterRedis({ ...shared, points: requests, keyPrefix: `${prefix}requests` });
  const complexityLimiter = new RateLimiterRedis({ ...shared, points: complexity, keyPrefix: `${prefix}complexity` });
  const command = redisCommand(client, 1_000);
  const windowMs = String(Math.round(durationS * 1000));
  return {
    requests: requestsLimiter,
    complexity: complexityLimiter,
    async restart(key) {
      // PEXPIRE does nothing to a key that expired meanwhile: that window is over anyway.
      await Promise.all([requestsLimiter, complexityLimiter].map((limiter) => command(['PEXPIRE', limiter.getKey(key), windowMs])));
    },
  };
}

/** Whether a rejection is the library saying "over the limit" (as opposed to a store failure). */
export function overLimit(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}
