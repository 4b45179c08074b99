import { safeListener, type TribeEventListener } from '../events.js';
import { callable, duration, keyPrefix, object } from '../options/rules.js';
import { MemoryDedupStore, type DedupClaim, type WebhookDedupStore } from '../webhooks/dedup-store.js';
import { redisCommand, type RedisClientLike } from './redis-commands.js';

/** Options of {@link createRedisDedupStore}. */
export interface RedisDedupStoreOptions {
  /** The app's own connected client of `redis` (v4 or later) or `ioredis`. */
  client: RedisClientLike;
  /** Prepended to every key (default `tribe-sdk:`), to share a Redis with other data. */
  prefix?: string;
  /** How long a claim holds without `complete`: a worker that died holding it frees it after this, in ms (default 60 000). */
  claimTimeoutMs?: number;
  /** How long a processed event is remembered, in ms (default and least: the platform's replay window of 15 minutes). */
  completedTtlMs?: number;
  /** How long one Redis command may take before it counts as failed, in ms (default 1 000). */
  commandTimeoutMs?: number;
  /** Receives one `local-fallback` event when Redis fails and this process goes on with a local store. */
  onEvent?: TribeEventListener;
}

/** The platform's replay window: a processed event is not run again within it. */
const REPLAY_WINDOW_MS = 15 * 60_000;
const DEFAULT_CLAIM_TIMEOUT_MS = 60_000;
const DEFAULT_PREFIX = 'tribe-sdk:';
const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;
/** How long the local store stands in after Redis failed, before Redis is tried again. */
const RETRY_SHARED_AFTER_MS = 5_000;
const DONE = 'done';

// Claims a free key for its holder; otherwise says whether it is done (0) or held by another (2). One round trip, atomic.
const CLAIM_SCRIPT = `local value = redis.call('get', KEYS[1])
if value == false then redis.call('set', KEYS[1], ARGV[1], 'px', ARGV[2]) return 1 end
if value == '${DONE}' then return 0 end
return 2`;
// Frees the key only while this holder's claim is on it: an expired claim may be another worker's by now.
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

function randomHolder(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `claim:${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The network a dedup key (`<networkId>:<event id>`) belongs to, for the fallback event. */
function networkOf(key: string): string {
  const end = key.indexOf(':');
  return end > 0 ? key.slice(0, end) : '';
}

/**
 * A webhook dedup store in Redis, shared by every worker given the same Redis and prefix. A worker
 * claims an event before running it (for `claimTimeoutMs`), and marks it done when its handlers
 * succeed; a done event is answered as a duplicate for `completedTtlMs` (at least 15 minutes), a
 * claimed one as in progress (a 5xx, so the platform delivers again), and a claim whose worker died
 * runs out and the next delivery runs it. When Redis fails, the worker goes on with a local store
 * for a few seconds at a time and reports one `local-fallback` event per outage.
 */
export function createRedisDedupStore(options: RedisDedupStoreOptions): WebhookDedupStore {
  const given = object(options, 'options');
  const prefix = keyPrefix(given.prefix, 'prefix') ?? DEFAULT_PREFIX;
  const command = redisCommand(given.client, duration(given.commandTimeoutMs, 'commandTimeoutMs', 1) ?? DEFAULT_COMMAND_TIMEOUT_MS);
  const claimTimeoutMs = duration(given.claimTimeoutMs, 'claimTimeoutMs', 1) ?? DEFAULT_CLAIM_TIMEOUT_MS;
  const completedTtlMs = Math.max(duration(given.completedTtlMs, 'completedTtlMs', 1) ?? REPLAY_WINDOW_MS, REPLAY_WINDOW_MS);
  const onEvent = safeListener(callable<TribeEventListener>(given.onEvent, 'onEvent'));
  const local = new MemoryDedupStore();
  /** This worker's claims, by key, so that it releases only its own. */
  const holders = new Map<string, string>();
  let localUntil = 0;
  let fallenBack = false;
  const dedupKey = (key: string): string => `${prefix}webhook-dedup:${key}`;

  async function either<T>(key: string, shared: () => Promise<T>, fallback: () => T): Promise<T> {
    if (Date.now() >= localUntil) {
      try {
        const result = await shared();
        fallenBack = false;
        return result;
      } catch {
        if (!fallenBack) onEvent?.({ type: 'local-fallback', part: 'webhook-dedup', networkId: networkOf(key) });
        fallenBack = true;
        localUntil = Date.now() + RETRY_SHARED_AFTER_MS;
      }
    }
    return fallback();
  }

  return {
    claim(key, ttlMs) {
      return either<DedupClaim>(
        key,
        async () => {
          const holder = randomHolder();
          const reply = await command(['EVAL', CLAIM_SCRIPT, '1', dedupKey(key), holder, String(Math.ceil(claimTimeoutMs))]);
          if (reply === 1) holders.set(key, holder);
          return reply === 1 ? true : reply === 0 ? false : 'in-progress';
        },
        () => local.claim(key, ttlMs),
      );
    },
    async release(key) {
      const holder = holders.get(key);
      holders.delete(key);
      local.release(key);
      if (holder)
        await either(
          key,
          () => command(['EVAL', RELEASE_SCRIPT, '1', dedupKey(key), holder]),
          () => undefined,
        );
    },
    async complete(key, ttlMs) {
      holders.delete(key);
      const ttl = String(Math.ceil(Math.max(ttlMs, completedTtlMs)));
      await either(
        key,
        () => command(['SET', dedupKey(key), DONE, 'PX', ttl]),
        () => undefined,
      );
    },
  };
}
