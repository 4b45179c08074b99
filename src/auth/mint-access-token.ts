import { GraphQLClient } from 'graphql-request';
import { LimitedTokenDocument, type LimitedTokenQuery, type LimitedTokenQueryVariables } from '../../generated/sdk.js';
import { DEFAULT_TIMEOUT_MS } from '../constants.js';
import type { TribeEventListener } from '../events.js';
import { resolveAuthOptions, type ResolvedAuthOptions, type TribeAuthOptions } from '../options.js';
import { toTribeError } from '../transport/map-error.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../transport/retry-policy.js';
import { runWithRetries } from '../transport/run-with-retries.js';
import { createTransportFetch, type FetchLike } from '../transport/transport-fetch.js';
import type { AccessToken } from './access-token.js';
import { basicAuthorization } from './basic-authorization.js';
import { readJwtExpiry } from './jwt-expiry.js';

/** What a mint needs besides the credentials; shared with the client's transport. */
export interface MintContext {
  fetch: FetchLike;
  policy: RetryPolicy;
  now: () => number;
  onEvent: TribeEventListener | undefined;
}

/** Builds the `limitedToken` variables: `context: NETWORK`, `entityId` = network, member only when given. */
export function limitedTokenVariables(networkId: string, memberId: string | undefined): LimitedTokenQueryVariables {
  const variables: LimitedTokenQueryVariables = { context: 'NETWORK', networkId, entityId: networkId };
  if (memberId !== undefined) variables.impersonateMemberId = memberId;
  return variables;
}

/** Mints one token with validated credentials: one POST of `limitedToken` with HTTP Basic auth, retried as a query. */
export async function mintWithContext(
  auth: ResolvedAuthOptions,
  context: MintContext,
  signal: AbortSignal | undefined,
): Promise<AccessToken> {
  const client = new GraphQLClient(auth.endpoint, { fetch: context.fetch });
  const requestHeaders = { authorization: basicAuthorization(auth.clientId, auth.clientSecret) };
  const variables = limitedTokenVariables(auth.networkId, auth.memberId);
  const data = await runWithRetries(
    () => client.request<LimitedTokenQuery, LimitedTokenQueryVariables>({ document: LimitedTokenDocument, variables, requestHeaders, signal }),
    {
      operationName: 'limitedToken',
      isMutation: false,
      policy: context.policy,
      signal,
      onEvent: context.onEvent,
      toError: (raw) => toTribeError(raw, { operationName: 'limitedToken', networkId: auth.networkId, isMint: true, now: context.now() }),
    },
  );
  const { accessToken, gatewayUrl } = data.limitedToken;
  return { accessToken, gatewayUrl: gatewayUrl ?? undefined, expiresAt: readJwtExpiry(accessToken) };
}

/**
 * Mints an app access token: a bot token, or with `memberId` a token acting as that member.
 * Validates the options first and throws {@link TribeConfigError} before sending anything.
 */
export async function mintAccessToken(options: TribeAuthOptions): Promise<AccessToken> {
  const auth = resolveAuthOptions(options);
  const fetch = createTransportFetch({ fetch: options.fetch, timeoutMs: DEFAULT_TIMEOUT_MS });
  return mintWithContext(auth, { fetch, policy: DEFAULT_RETRY_POLICY, now: Date.now, onEvent: undefined }, options.signal);
}
