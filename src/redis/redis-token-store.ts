import type { CachedToken } from '../auth/token-cache.js';
import type { SharedTokenCache } from '../auth/token-cache.js';
import { duration, keyPrefix, object } from '../options/rules.js';
import { redisCommand, type RedisClientLike } from './redis-commands.js';
import { decodeToken, encodeToken } from './token-codec.js';

/** Options of {@link createRedisTokenStore}. */
export interface RedisTokenStoreOptions {
  /** The app's own connected client of `redis` (v4 or later) or `ioredis`. */
  client: RedisClientLike;
  /** Prepended to every key (default `tribe-sdk:`), to share a Redis with other data. */
  prefix?: string;
  /** How long one Redis command may take before it counts as failed, in ms (default 1 000). */
  commandTimeoutMs?: number;
}

// Deletes the lock only while it still holds this holder's value: an expired lock may be another's by now.
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

const DEFAULT_PREFIX = 'tribe-sdk:';
const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;

function randomHolder(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A token cache in Redis, shared by every process given the same Redis and prefix: tokens expire
 * with their own `exp`, values are checked on read (anything else is a miss), and the mint lock
 * (SET NX PX, released by its holder only) lets the processes mint once between them.
 */
export function createRedisTokenStore(options: RedisTokenStoreOptions): SharedTokenCache {
  const given = object(options, 'options');
  const prefix = keyPrefix(given.prefix, 'prefix') ?? DEFAULT_PREFIX;
  const command = redisCommand(given.client, duration(given.commandTimeoutMs, 'commandTimeoutMs', 1) ?? DEFAULT_COMMAND_TIMEOUT_MS);
  const tokenKey = (key: string): string => `${prefix}token:${key}`;
  const lockKey = (key: string): string => `${prefix}mint-lock:${key}`;
  return {
    async get(key) {
      return decodeToken(await command(['GET', tokenKey(key)]));
    },
    async set(key, token: CachedToken, ttlMs) {
      if (ttlMs !== undefined && ttlMs < 1) return;
      const ttl = ttlMs === undefined ? [] : ['PX', String(Math.ceil(ttlMs))];
      await command(['SET', tokenKey(key), encodeToken(token), ...ttl]);
    },
    async delete(key) {
      await command(['DEL', tokenKey(key)]);
    },
    async acquireMintLock(key, ttlMs) {
      const holder = randomHolder();
      const reply = await command(['SET', lockKey(key), holder, 'NX', 'PX', String(Math.max(1, Math.ceil(ttlMs)))]);
      return reply === 'OK' ? holder : undefined;
    },
    async releaseMintLock(key, holder) {
      await command(['EVAL', RELEASE_SCRIPT, '1', lockKey(key), holder]);
    },
  };
}
