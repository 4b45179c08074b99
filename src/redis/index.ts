/**
 * tribe-sdk/redis: a token store in the app's own Redis, shared by its processes, which mint once
 * between them, and a webhook dedup store, so that a redelivered event runs once across workers.
 */
export { createRedisTokenStore, type RedisTokenStoreOptions } from './redis-token-store.js';
export { createRedisDedupStore, type RedisDedupStoreOptions } from './redis-dedup-store.js';
export type { IoRedisLike, NodeRedisLike, RedisClientLike } from './redis-commands.js';
export type { SharedTokenCache, TokenMintLock } from '../auth/token-cache.js';
