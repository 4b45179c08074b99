// Not rate-limiter-flexible here: its two counters are two keys, so a take refused for complexity has
// to give its request back later, and a give-back lands in whatever window exists by then (the next
// one, if ours ended meanwhile, which then admits too much). One script per step keeps one hash per
// window, named by the Redis time it opened at: a take counts both or neither, and a give-back or a
// restart touches only the window it names.
import type { RateLimitCost, RateLimitGrant } from '../rate-limit/rate-limit-store.js';
import { redisCommand, type RedisClientLike } from '../redis/redis-commands.js';

// KEYS[1] the window; ARGV: requests, complexity, request limit, complexity limit, window ms.
// Answers {granted (1/0), window id, ms left, opened (1/0)}.
const TAKE_SCRIPT = `local state = redis.call('hmget', KEYS[1], 'id', 'requests', 'complexity')
local ttl = redis.call('pttl', KEYS[1])
local requests, complexity = tonumber(ARGV[1]), tonumber(ARGV[2])
if not state[1] or ttl < 0 then
  local now = redis.call('time')
  local id = now[1] .. string.format('%06d', tonumber(now[2]))
  redis.call('del', KEYS[1])
  redis.call('hset', KEYS[1], 'id', id, 'requests', requests, 'complexity', complexity)
  redis.call('pexpire', KEYS[1], ARGV[5])
  return {1, id, tonumber(ARGV[5]), 1}
end
if tonumber(state[2]) + requests > tonumber(ARGV[3]) or tonumber(state[3]) + complexity > tonumber(ARGV[4]) then
  return {0, state[1], ttl, 0}
end
redis.call('hincrby', KEYS[1], 'requests', requests)
redis.call('hincrby', KEYS[1], 'complexity', complexity)
return {1, state[1], ttl, 0}`;

// KEYS[1] the window; ARGV: complexity (negative gives back), window id or ''. A give-back goes only to
// the window it names; a charge goes to the window there is, as the cost may have landed in it.
const CHARGE_SCRIPT = `local id = redis.call('hget', KEYS[1], 'id')
if not id then return 0 end
local points = tonumber(ARGV[1])
if points < 0 and ARGV[2] ~= '' and ARGV[2] ~= id then return 0 end
redis.call('hincrby', KEYS[1], 'complexity', points)
return 1`;

// KEYS[1] the window; ARGV: window ms, window id or ''. PEXPIRE does nothing to a window that ended.
const RESTART_SCRIPT = `local id = redis.call('hget', KEYS[1], 'id')
if not id or (ARGV[2] ~= '' and ARGV[2] ~= id) then return 0 end
redis.call('pexpire', KEYS[1], ARGV[1])
return 1`;

/** The limits of one shared window, and how long a Redis command may take. */
export interface SharedWindowOptions {
  prefix: string;
  requests: number;
  complexity: number;
  windowMs: number;
  timeoutMs: number;
}

/** Each network's burst window in Redis, shared by every process with the same prefix. */
export interface SharedWindows {
  /** Takes `cost` (complexity already capped) if all of it fits, else says how long the window lasts. */
  take(key: string, cost: RateLimitCost): Promise<RateLimitGrant>;
  /** Charges complexity; a negative charge applies only to the window `window` names (to any without it). */
  charge(key: string, points: number, window: string | undefined): Promise<void>;
  /** Starts the window `window` names afresh from now, keeping its counts. */
  restart(key: string, window: string | undefined): Promise<void>;
}

/** The windows in Redis through the app's client; every command bounded by `timeoutMs`, failures thrown. */
export function sharedWindows(client: RedisClientLike, options: SharedWindowOptions): SharedWindows {
  const command = redisCommand(client, options.timeoutMs);
  const windowKey = (key: string): string => `${options.prefix}window:${key}`;
  const windowMs = String(Math.round(options.windowMs));
  return {
    async take(key, cost) {
      const reply = await command([
        'EVAL',
        TAKE_SCRIPT,
        '1',
        windowKey(key),
        String(cost.requests),
        String(cost.complexity),
        String(options.requests),
        String(options.complexity),
        windowMs,
      ]);
      if (!Array.isArray(reply) || reply.length !== 4) throw new Error('tribe-sdk: unexpected reply of the rate limit script');
      const [granted, window, msLeft, opened] = reply.map((item: unknown) => (typeof item === 'string' || typeof item === 'number' ? item : '')) as [
        number,
        string,
        number,
        number,
      ];
      const leftMs = Math.max(0, Number(msLeft));
      if (Number(granted) !== 1) return { granted: false, retryInMs: leftMs };
      return { granted: true, window: String(window), windowEndsAt: Date.now() + leftMs, firstInWindow: Number(opened) === 1 };
    },
    async charge(key, points, window) {
      await command(['EVAL', CHARGE_SCRIPT, '1', windowKey(key), String(points), window ?? '']);
    },
    async restart(key, window) {
      await command(['EVAL', RESTART_SCRIPT, '1', windowKey(key), windowMs, window ?? '']);
    },
  };
}
