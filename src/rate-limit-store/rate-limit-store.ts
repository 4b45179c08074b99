import { duration, integer, invalid, keyPrefix, object } from '../options/rules.js';
import type { RateLimitCost, RateLimitGrant, RateLimitStore } from '../rate-limit/rate-limit-store.js';
import type { RedisClientLike } from '../redis/redis-commands.js';
import { memoryLimiters, overLimit, type WindowLimiters } from './flexible-limiters.js';
import { RATE_LIMIT_PLANS, type RateLimitPlan } from './plans.js';
import { sharedWindows } from './shared-window.js';

/** Options of {@link createRateLimitStore}: a plan, or numbers of one's own (which override the plan's). */
export interface RateLimitStoreOptions {
  /** A documented plan: `free` (100 requests / 10 000 complexity per 10 s) or `addon` (200 / 20 000). */
  plan?: RateLimitPlan;
  /** Requests per window. */
  requests?: number;
  /** Complexity per window. */
  complexity?: number;
  /** The window's length, in ms (the API's: 10 000). */
  windowMs?: number;
  /** Added to the window, in ms (default 100): our window starts before the API's, by the time a request takes to arrive. */
  marginMs?: number;
  /** Share the budget between processes through this client of `redis` (v4+) or `ioredis`; in memory without it. */
  redis?: RedisClientLike;
  /** Prefix of the Redis keys (default `tribe-sdk:rate:`). */
  prefix?: string;
  /** How long a Redis command may take before the local stand-in answers, in ms (default 1 000). */
  commandTimeoutMs?: number;
  /** How long to keep to the local stand-in after Redis failed, in ms (default 5 000). */
  retrySharedAfterMs?: number;
}

const DEFAULT_MARGIN_MS = 100;

function resolveLimits(options: RateLimitStoreOptions): { requests: number; complexity: number; durationS: number } {
  options = object(options, 'options');
  if (options.plan !== undefined && !Object.hasOwn(RATE_LIMIT_PLANS, options.plan)) invalid('plan', `one of ${Object.keys(RATE_LIMIT_PLANS).join(', ')}`);
  const plan = options.plan === undefined ? undefined : RATE_LIMIT_PLANS[options.plan];
  const requests = integer(options.requests, 'requests', 1, 1_000_000_000) ?? plan?.requests;
  const complexity = integer(options.complexity, 'complexity', 1, 1_000_000_000) ?? plan?.complexity;
  // rate-limiter-flexible keeps a window in Redis only from one second up.
  const windowMs = duration(options.windowMs, 'windowMs', 1_000) ?? plan?.windowMs;
  if (requests === undefined || complexity === undefined || windowMs === undefined) invalid('options', 'a plan, or requests, complexity and windowMs');
  duration(options.commandTimeoutMs, 'commandTimeoutMs', 1);
  duration(options.retrySharedAfterMs, 'retrySharedAfterMs', 0);
  keyPrefix(options.prefix, 'prefix');
  if (options.redis !== undefined && (typeof options.redis !== 'object' || options.redis === null)) invalid('redis', 'a redis (v4+) or ioredis client');
  return { requests, complexity, durationS: (windowMs + (duration(options.marginMs, 'marginMs', 0) ?? DEFAULT_MARGIN_MS)) / 1000 };
}

/** Takes `cost` from both counters in this process, or neither; over the limit is a wait. */
async function takeBoth(limiters: WindowLimiters, key: string, cost: RateLimitCost, complexity: number): Promise<RateLimitGrant> {
  let taken;
  try {
    taken = await limiters.requests.consume(key, cost.requests);
  } catch (error) {
    if (overLimit(error)) return { granted: false, retryInMs: error.msBeforeNext };
    throw error;
  }
  const firstInWindow = taken.isFirstInDuration;
  if (complexity <= 0) return { granted: true, windowEndsAt: Date.now() + taken.msBeforeNext, firstInWindow };
  try {
    const window = await limiters.complexity.consume(key, complexity);
    return { granted: true, windowEndsAt: Date.now() + window.msBeforeNext, firstInWindow };
  } catch (error) {
    // The library counts a refused take as well: give both back (at once, in this process), so a smaller call can still fit.
    await Promise.all([limiters.requests.reward(key, cost.requests), overLimit(error) && limiters.complexity.reward(key, complexity)]);
    if (overLimit(error)) return { granted: false, retryInMs: error.msBeforeNext };
    throw error;
  }
}

/**
 * The budget of each network's burst window, for `rateLimit` on `createTribeClient`: in memory, or
 * shared by every process through Redis. When Redis fails or stalls, it answers from counters in this
 * process (marked `fallback`) and tries Redis again after `retrySharedAfterMs`.
 */
export function createRateLimitStore(options: RateLimitStoreOptions): RateLimitStore {
  const { requests, complexity, durationS } = resolveLimits(options);
  const local = memoryLimiters(requests, complexity, durationS);
  const timeoutMs = options.commandTimeoutMs ?? 1_000;
  const prefix = options.prefix ?? 'tribe-sdk:rate:';
  const shared = options.redis && sharedWindows(options.redis, { prefix, requests, complexity, windowMs: durationS * 1000, timeoutMs });
  const retrySharedAfterMs = options.retrySharedAfterMs ?? 5_000;
  let localUntil = 0;
  const usingShared = (): boolean => shared !== undefined && Date.now() >= localUntil;
  return {
    async take(key, cost) {
      const capped = { requests: cost.requests, complexity: Math.max(0, Math.min(Math.ceil(cost.complexity), complexity)) };
      if (shared && usingShared()) {
        try {
          return await shared.take(key, capped);
        } catch {
          localUntil = Date.now() + retrySharedAfterMs;
        }
      }
      const grant = await takeBoth(local, key, capped, capped.complexity);
      return shared ? { ...grant, fallback: true } : grant;
    },
    async restartWindow(key, window) {
      await (shared && usingShared() ? shared.restart(key, window) : local.restart(key)).catch(() => undefined);
    },
    async charge(key, points, window) {
      if (shared && usingShared()) return shared.charge(key, points, window).catch(() => undefined);
      await (points > 0 ? local.complexity.penalty(key, points) : local.complexity.reward(key, -points)).catch(() => undefined);
    },
  };
}
