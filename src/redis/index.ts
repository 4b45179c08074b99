/** tribe-sdk/redis: a token store in the app's own Redis, shared by its processes, which mint once between them. */
export { createRedisTokenStore, type RedisTokenStoreOptions } from './redis-token-store.js';
export type { IoRedisLike, NodeRedisLike, RedisClientLike } from './redis-commands.js';
export type { SharedTokenCache, TokenMintLock } from '../auth/token-cache.js';
