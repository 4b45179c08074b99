import type { AccessToken } from '../auth/access-token.js';
import { mintAccessTokenWith } from '../auth/mint-access-token.js';
import { createTribeClientWith, createTribeSdkWith, type TribeClient, type TribeClientOptions, type TribeSdk } from '../client.js';
import type { TribeAuthOptions } from '../options.js';
import { createTokenRequestWith, type TokenRequest, type TokenRequestOptions } from '../transport/token-request.js';
import { createUndiciExchange } from './undici-exchange.js';

/** Creates a client that sends through undici unless `options.fetch` is given; see the universal `createTribeClient`. */
export function createTribeClient<TSdk = TribeSdk>(options: TribeClientOptions<TSdk>): TribeClient<TSdk> {
  return createTribeClientWith(options, createUndiciExchange);
}

/** Mints a token and returns the typed SDK, sending through undici unless `options.fetch` is given. */
export function createTribeSdk<TSdk = TribeSdk>(options: TribeClientOptions<TSdk> & { memberId?: string; signal?: AbortSignal }): Promise<TSdk> {
  return createTribeSdkWith(options, createUndiciExchange);
}

/** Mints an app access token through undici unless `options.fetch` is given. */
export function mintAccessToken(options: TribeAuthOptions): Promise<AccessToken> {
  return mintAccessTokenWith(options, createUndiciExchange);
}

/** Runs single generated documents with one token, sending through undici unless `options.fetch` is given. */
export function createTokenRequest(token: AccessToken, options: TokenRequestOptions): TokenRequest {
  return createTokenRequestWith(token, options, createUndiciExchange);
}
