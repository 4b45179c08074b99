/**
 * tribe-sdk: a typed SDK for the Tribe (Bettermode) GraphQL API with app-token auth. The operation
 * types and documents are exported by `tribe-sdk/generated`.
 */
export { createTribeClient } from './client/create-client.js';
export type { TribeClient } from './client/create-client.js';
export type { WithBuiltIns } from './client/with-built-ins.js';
export type { RequestArgs, RequestCallOptions, RequestDocument, TypedRequest } from './client/typed-request.js';
export { createTribeSdk } from './client/create-sdk.js';
export { mintAccessToken } from './client/mint-access-token.js';
export { createTokenRequest } from './client/token-request.js';
export type { TokenRequest } from './client/token-request.js';
export type { GetSdk, TribeClientOptions, TribeSdk } from './options/client-options.js';
export type { TribeCallOptions } from './options/call-options.js';
export type { TribeAuthOptions } from './options/auth-options.js';
export type { TokenRequestOptions } from './options/token-request-options.js';
export type { AccessToken } from './auth/access-token.js';
export { MemoryTokenCache } from './auth/token-cache.js';
export type { CachedToken, TokenCache } from './auth/token-cache.js';
export { readJwtExpiry } from './auth/jwt-expiry.js';
export { BETTERMODE_EU_ENDPOINT, BETTERMODE_US_ENDPOINT, DEFAULT_ENDPOINT, SDK_VERSION } from './constants.js';
export {
  TribeAbortError,
  TribeAuthError,
  TribeConfigError,
  TribeError,
  TribeForbiddenError,
  TribeGraphQLError,
  TribeNetworkError,
  TribeNotFoundError,
  TribeRateLimitError,
  TribeResponseTooLargeError,
  TribeTimeoutError,
} from './errors.js';
export type { TribeApiError, TribeErrorCode, TribeErrorDetails } from './errors.js';
export type {
  TribeEvent,
  TribeEventListener,
  TribeGatewayEvent,
  TribeLocalFallbackEvent,
  TribeRateLimitWaitEvent,
  TribeRequestEvent,
  TribeResponseEvent,
  TribeRetryEvent,
  TribeTokenCacheEvent,
  TribeTokenEvent,
} from './events.js';
export type { SharedTokenCache, TokenMintLock } from './cluster/mint-lock.js';
export type { RateLimitCost, RateLimitGrant, RateLimitStore } from './rate-limit/rate-limit-store.js';
export { paginate } from './pagination.js';
export type { Connection, ConnectionOf, NodeOf, PageCursor, PageOf, PageVariables, PaginateOptions, PaginatedOperation, Paginator } from './pagination.js';
export { redactHeaders, redactToken } from './redact.js';
