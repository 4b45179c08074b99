import type { SdkFunctionWrapper } from '../../generated/sdk.js';
import { bearerAuthorization } from '../auth/basic-authorization.js';
import type { CachedToken } from '../auth/token-cache.js';
import type { TokenManager } from '../auth/token-manager.js';
import { TribeAuthError, TribeConfigError, type TribeError } from '../errors.js';
import type { TribeEventListener } from '../events.js';
import { redactHeaders } from '../redact.js';
import { toTribeError } from './map-error.js';
import type { RetryPolicy } from './retry-policy.js';
import { runWithRetries } from './run-with-retries.js';

/** Everything one SDK instance's calls share. */
export interface WrapperContext {
  tokens: TokenManager;
  memberId: string | undefined;
  networkId: string;
  policy: RetryPolicy;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
  onEvent: TribeEventListener | undefined;
  now: () => number;
  isClosed: () => boolean;
}

/**
 * The function codegen's `getSdk` calls around every operation. It adds the bearer token per request
 * (never on a shared client), retries by the policy, and on a rejected token mints once more and
 * retries once; a second rejection is a {@link TribeAuthError}.
 */
export function createAuthorizedWrapper(context: WrapperContext): SdkFunctionWrapper {
  const { tokens, memberId, onEvent } = context;
  return async (action, operationName, operationType) => {
    if (context.isClosed()) throw new TribeConfigError('tribe-sdk: this client was closed');
    const toError = (raw: unknown): TribeError =>
      toTribeError(raw, { operationName, networkId: context.networkId, isMint: false, now: context.now() });
    let attempt = 0;
    const send = async (token: CachedToken): Promise<Awaited<ReturnType<typeof action>>> => {
      attempt += 1;
      const headers = { ...context.headers, authorization: bearerAuthorization(token.accessToken) };
      onEvent?.({ type: 'request', operationName, attempt, memberId, headers: redactHeaders(headers) });
      const started = context.now();
      try {
        const result = await action(headers);
        onEvent?.({ type: 'response', operationName, attempt, ok: true, status: 200, errorCode: undefined, durationMs: context.now() - started });
        return result;
      } catch (raw) {
        const error = toError(raw);
        onEvent?.({ type: 'response', operationName, attempt, ok: false, status: error.status, errorCode: error.code, durationMs: context.now() - started });
        throw error;
      }
    };
    const retryContext = {
      operationName,
      isMutation: operationType === 'mutation',
      policy: context.policy,
      signal: context.signal,
      onEvent,
      toError,
    };
    const token = await tokens.get(memberId, { signal: context.signal });
    try {
      return await runWithRetries(() => send(token), retryContext);
    } catch (error) {
      if (!(error instanceof TribeAuthError)) throw error;
      const fresh = await tokens.replaceRejected(memberId, token, context.signal);
      return runWithRetries(() => send(fresh), retryContext);
    }
  };
}
