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
export type { TribeCoalesceOptions } from './options/coalesce-options.js';
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
export { hasErrorCode, TRIBE_API_ERROR_CODES } from './api-error-codes.js';
export type { TribeApiErrorName, TribeApiErrorNumber } from './api-error-codes.js';
export { TRIBE_REGION_ENDPOINTS } from './regions.js';
export { imageHtml } from './uploads/uploaded-media.js';
export { can, PERMISSION_ACTIONS } from './permissions.js';
export type { PermissionAction, PermissionSubject } from './permissions.js';
export { createMemberClient } from './client/create-member-client.js';
export type { MemberClientOptions } from './oauth/member-client.js';
export { buildAuthorizeUrl, createOAuthState, createPkcePair, readAuthorizeCallback } from './oauth/authorize.js';
export type { AuthorizeUrlOptions, PkcePair } from './oauth/authorize.js';
export { exchangeAuthorizationCode, refreshMemberTokens } from './oauth/token-endpoint.js';
export type { CodeExchangeOptions, MemberTokens, RefreshOptions, TokenEndpointOptions } from './oauth/token-endpoint.js';
export type { MediaUrls, UploadedFile, UploadedImage } from './uploads/uploaded-media.js';
export type { FileUpload, ImageUpload, SizedStream, UploadOptions, UploadSource } from './uploads/upload-input.js';
export type { Uploads } from './uploads/upload-media.js';
export type { TribeRegion } from './regions.js';
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
export type { SharedTokenCache, TokenMintLock } from './auth/token-cache.js';
export type { RateLimitCost, RateLimitGrant, RateLimitStore } from './rate-limit/rate-limit-store.js';
export { evaluateStaticCost } from './rate-limit/static-cost.js';
export type { OperationCosts, StaticCost, StaticPageTerm } from './rate-limit/static-cost.js';
export { paginate } from './pagination.js';
export type { Connection, ConnectionOf, NodeOf, PageCursor, PageOf, PageVariables, PaginateOptions, PaginatedOperation, Paginator } from './pagination.js';
export { redactHeaders, redactToken } from './redact.js';
export type { TransportOptions } from './options/transport-options.js';
export { MAX_SAME_ORIGIN_REDIRECTS } from './transport/redirects.js';
