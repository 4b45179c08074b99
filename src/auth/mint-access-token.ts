import { LimitedTokenDocument, type LimitedTokenQuery, type LimitedTokenQueryVariables } from '../../generated/sdk.js';
import { DEFAULT_TIMEOUT_MS } from '../constants.js';
import { TribeNetworkError } from '../errors.js';
import type { TribeEventListener } from '../events.js';
import { resolveAuthOptions, type ResolvedAuthOptions, type TribeAuthOptions } from '../options.js';
import { toTribeError } from '../transport/map-error.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../transport/retry-policy.js';
import { runWithRetries } from '../transport/run-with-retries.js';
import { createFetchExchange } from '../transport/fetch-exchange.js';
import type { HttpExchange } from '../transport/http-exchange.js';
import { sendOperation } from '../transport/send-operation.js';
import type { AccessToken } from './access-token.js';
import { basicAuthorization } from './authorization-header.js';
import { readJwtExpiry } from './jwt-expiry.js';

/** What a mint needs besides the credentials; shared with the client's transport. */
export interface MintContext {
  exchange: HttpExchange;
  timeoutMs: number;
  policy: RetryPolicy;
  now: () => number;
  onEvent: TribeEventListener | undefined;
}

/** Builds the `limitedToken` variables: `context: NETWORK`, `entityId` = network, member only when given. */
function limitedTokenVariables(networkId: string, memberId: string | undefined): LimitedTokenQueryVariables {
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
  const headers = { authorization: basicAuthorization(auth.clientId, auth.clientSecret) };
  const variables = limitedTokenVariables(auth.networkId, auth.memberId);
  const request = { url: auth.endpoint, document: LimitedTokenDocument, variables, headers, signal, timeoutMs: context.timeoutMs };
  const data = await runWithRetries(
    () => sendOperation<LimitedTokenQuery>(context.exchange, request),
    {
      operationName: 'limitedToken',
      isMutation: false,
      policy: context.policy,
      signal,
      onEvent: context.onEvent,
      toError: (raw) => toTribeError(raw, { operationName: 'limitedToken', networkId: auth.networkId, isMint: true, now: context.now() }),
    },
  );
  const { accessToken, gatewayUrl } = data.limitedToken ?? {};
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new TribeNetworkError('tribe-sdk: the mint answered without an access token', { operationName: 'limitedToken', status: 200 });
  }
  return { accessToken, gatewayUrl: gatewayUrl ?? undefined, expiresAt: readJwtExpiry(accessToken) };
}

/**
 * Mints an app access token: a bot token, or with `memberId` a token acting as that member.
 * Validates the options first and throws {@link TribeConfigError} before sending anything.
 */
export async function mintAccessToken(options: TribeAuthOptions): Promise<AccessToken> {
  return mintAccessTokenWith(options, createFetchExchange);
}

/** {@link mintAccessToken} with the exchange used when `options.fetch` is not given; each package entry picks its own. */
export async function mintAccessTokenWith(options: TribeAuthOptions, defaultExchange: () => HttpExchange): Promise<AccessToken> {
  const auth = resolveAuthOptions(options);
  const exchange = options.fetch ? createFetchExchange(options.fetch) : defaultExchange();
  const context = { exchange, timeoutMs: DEFAULT_TIMEOUT_MS, policy: DEFAULT_RETRY_POLICY, now: Date.now, onEvent: undefined };
  return mintWithContext(auth, context, options.signal);
}
