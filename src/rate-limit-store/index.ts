/**
 * tribe-sdk/rate-limit (Node): the budget of each network's burst window for `rateLimit` on
 * `createTribeClient`, in memory or shared by every process through the app's Redis client.
 */
export { createRateLimitStore, type RateLimitStoreOptions } from './rate-limit-store.js';
export { RATE_LIMIT_PLANS, type BurstLimits, type RateLimitPlan } from './plans.js';
export type { RateLimitCost, RateLimitGrant, RateLimitStore } from '../rate-limit/rate-limit-store.js';
