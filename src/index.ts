/** tribe-sdk: a typed SDK for the Tribe (Bettermode) GraphQL API with app-token auth. */
export { createTribeClient, createTribeSdk } from './client.js';
export type { GetSdk, TribeCallOptions, TribeClient, TribeClientOptions, TribeSdk } from './client.js';
export { mintAccessToken } from './auth/mint-access-token.js';
export { createTokenRequest } from './transport/token-request.js';
export type { TokenRequest, TokenRequestOptions } from './transport/token-request.js';
export type { AccessToken } from './auth/access-token.js';
export { MemoryTokenCache } from './auth/token-cache.js';
export type { CachedToken, TokenCache } from './auth/token-cache.js';
export { readJwtExpiry } from './auth/jwt-expiry.js';
export type { TribeAuthOptions } from './options.js';
export {
  BETTERMODE_EU_ENDPOINT,
  BETTERMODE_US_ENDPOINT,
  DEFAULT_ENDPOINT,
  SDK_VERSION,
} from './constants.js';
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
  TribeTimeoutError,
} from './errors.js';
export type { TribeApiError, TribeErrorCode, TribeErrorDetails } from './errors.js';
export type { TribeEvent, TribeEventListener, TribeRequestEvent, TribeResponseEvent, TribeRetryEvent, TribeTokenEvent } from './events.js';
export * from '../generated/sdk.js';
export { paginate, type Connection, type ConnectionOf, type NodeOf, type PageCursor, type PageOf, type PageVariables, type PaginateOptions, type PaginatedOperation, type Paginator } from './pagination.js';
export { redactHeaders, redactToken } from './redact.js';
