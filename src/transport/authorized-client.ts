import type { DocumentNode } from 'graphql';
import type { GraphQLClient, RequestOptions, Variables } from 'graphql-request';
import { bearerAuthorization } from '../auth/authorization-header.js';
import type { CachedToken } from '../auth/token-cache.js';
import type { TokenManager } from '../auth/token-manager.js';
import { combineSignals } from '../client-options.js';
import { TribeAuthError, TribeConfigError, type TribeError } from '../errors.js';
import type { TribeEventListener } from '../events.js';
import { redactHeaders } from '../redact.js';
import { compileDocument } from './compiled-document.js';
import type { HttpExchange } from './http-exchange.js';
import { toTribeError } from './map-error.js';
import type { RetryPolicy } from './retry-policy.js';
import { runWithRetries } from './run-with-retries.js';
import { sendOperation } from './send-operation.js';

/** Everything the calls of one SDK instance share. */
export interface AuthorizedClientContext {
  exchange: HttpExchange;
  /** Where a request with this token goes: the token's accepted `gatewayUrl`, or the endpoint. */
  url: (token: CachedToken) => string;
  timeoutMs: number;
  tokens: TokenManager;
  /** The member the calls act as; undefined for the bot. */
  memberId: string | undefined;
  networkId: string;
  policy: RetryPolicy;
  headers: Record<string, string>;
  /** Aborts every call of this SDK instance, besides each call's own signal. */
  signal: AbortSignal | undefined;
  onEvent: TribeEventListener | undefined;
  now: () => number;
  isClosed: () => boolean;
}

function unsupported(): never {
  throw new TribeConfigError('tribe-sdk: the SDK client only runs request({ document, variables }); generate getSdk with rawRequest: false');
}

/**
 * The client a generated `getSdk` is given. Each `request` gets the member's token (cached, minted
 * once for all parallel callers), sends it as a bearer on that request only, retries by the policy,
 * and on a rejected token mints once more and retries once; a second rejection is a
 * {@link TribeAuthError}. The call's own signal reaches every step: the wait for a mint, each attempt
 * and each wait between attempts.
 *
 * It is a plain object typed as GraphQLClient, not a subclass: `getSdk` only calls `request`, and the
 * class would pull graphql-request's own fetch layer and parser (about 14 KB gzip) into every bundle.
 */
export function createAuthorizedClient(context: AuthorizedClientContext): GraphQLClient {
  const { tokens, memberId, onEvent } = context;

  const request = async <T>(call: RequestOptions<Variables, T>): Promise<T> => {
    if (typeof call !== 'object' || call === null || typeof call.document !== 'object') {
      throw new TribeConfigError('tribe-sdk: the SDK client takes request({ document, variables }) with a parsed document');
    }
    if (context.isClosed()) throw new TribeConfigError('tribe-sdk: this client was closed');
    const document = call.document as DocumentNode;
    const { operationName = 'anonymous', isMutation } = compileDocument(document);
    const signal = combineSignals(context.signal, call.signal);
    const toError = (raw: unknown): TribeError =>
      toTribeError(raw, { operationName, networkId: context.networkId, isMint: false, now: context.now() });
    let attempt = 0;
    const send = async (token: CachedToken): Promise<T> => {
      attempt += 1;
      const headers = { ...context.headers, ...(call.requestHeaders as Record<string, string> | undefined), authorization: bearerAuthorization(token.accessToken) };
      onEvent?.({ type: 'request', operationName, attempt, memberId, headers: redactHeaders(headers) });
      const started = context.now();
      try {
        const data = await sendOperation<T>(context.exchange, { url: context.url(token), document, variables: call.variables, headers, signal, timeoutMs: context.timeoutMs });
        onEvent?.({ type: 'response', operationName, attempt, ok: true, status: 200, errorCode: undefined, durationMs: context.now() - started });
        return data;
      } catch (raw) {
        const error = toError(raw);
        onEvent?.({ type: 'response', operationName, attempt, ok: false, status: error.status, errorCode: error.code, durationMs: context.now() - started });
        throw error;
      }
    };
    const retryContext = { operationName, isMutation, policy: context.policy, signal, onEvent, toError };
    const token = await tokens.get(memberId, { signal });
    try {
      return await runWithRetries(() => send(token), retryContext);
    } catch (error) {
      if (!(error instanceof TribeAuthError)) throw error;
      const fresh = await tokens.replaceRejected(memberId, token, signal);
      return runWithRetries(() => send(fresh), retryContext);
    }
  };

  const client = { request, rawRequest: unsupported, batchRequests: unsupported, setHeaders: unsupported, setHeader: unsupported, setEndpoint: unsupported };
  return client as unknown as GraphQLClient;
}
