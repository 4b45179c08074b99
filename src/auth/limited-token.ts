import { LimitedTokenDocument, type LimitedTokenQuery, type LimitedTokenQueryVariables } from '../../generated/sdk.js';
import { TribeNetworkError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import type { AccessToken } from './access-token.js';
import { basicAuthorization } from './authorization-header.js';
import { USABLE_TOKEN } from './guarded-cache.js';
import { readJwtExpiry } from './jwt-expiry.js';

/** The app credentials a mint is made with. */
export interface AppCredentials {
  clientId: string;
  clientSecret: string;
  networkId: string;
}

/** One `limitedToken` request: the document, its variables and the Basic `Authorization` header. */
export interface LimitedTokenRequest {
  document: typeof LimitedTokenDocument;
  variables: LimitedTokenQueryVariables;
  authorization: string;
}

/** Builds the mint: `context: NETWORK`, `entityId` = the network, `impersonateMemberId` only for a member. */
export function limitedTokenRequest(app: AppCredentials, memberId: string | undefined): LimitedTokenRequest {
  const variables: LimitedTokenQueryVariables = { context: 'NETWORK', networkId: app.networkId, entityId: app.networkId };
  if (memberId !== undefined) variables.impersonateMemberId = memberId;
  return { document: LimitedTokenDocument, variables, authorization: basicAuthorization(app.clientId, app.clientSecret) };
}

/** Reads a mint's answer into an {@link AccessToken}; an answer without a usable token (printable, no spaces) is a {@link TribeNetworkError}. */
export function readLimitedToken(data: LimitedTokenQuery): AccessToken {
  const { accessToken, gatewayUrl } = data.limitedToken ?? {};
  if (typeof accessToken !== 'string' || accessToken.length > 16_384 || !USABLE_TOKEN.test(accessToken)) {
    throw new TribeNetworkError(MESSAGES.mintWithoutToken, { operationName: 'limitedToken', status: 200 });
  }
  return { accessToken, gatewayUrl: typeof gatewayUrl === 'string' ? gatewayUrl.slice(0, 2_048) : undefined, expiresAt: readJwtExpiry(accessToken) };
}
