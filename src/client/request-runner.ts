import type { DocumentNode } from 'graphql';
import { bearerAuthorization } from '../auth/authorization-header.js';
import type { CachedToken } from '../auth/token-cache.js';
import type { TokenSource } from '../auth/token-source.js';
import { abortError } from '../abort.js';
import { TribeAuthError, TribeConfigError, TribeError } from '../errors.js';
import type { TribeEventListener } from '../events.js';
import { MESSAGES } from '../messages.js';
import { eitherSignal, type ResolvedCall } from '../options/call-options.js';
import { headers as checkHeaders, signal as checkSignal } from '../options/rules.js';
import { redactHeaders } from '../redact.js';
import type { Scrubber } from '../scrub.js';
import { compileDocument } from '../transport/compiled-document.js';
import { encodeOperation } from '../transport/encode-operation.js';
import type { HttpExchange } from '../transport/exchange.js';
import { exchangeRequest } from '../transport/transport.js';
import { toTribeError } from '../transport/map-error.js';
import type { RequestBudget } from '../rate-limit/request-budget.js';
import { readResult } from '../transport/read-result.js';
import { requestHeaders } from '../transport/request-headers.js';
import type { GatewayRouter } from './gateway-router.js';
import { retryAfterFailure, runWithRetries } from './run-with-retries.js';

/** Everything the calls of one runner share. */
export interface RunnerContext {
  exchange: HttpExchange;
  route: GatewayRouter;
  tokens: TokenSource;
  networkId: string;
  /** Timeout, retry policy, headers and signal of every call this runner makes. */
  call: ResolvedCall;
  onEvent: TribeEventListener | undefined;
  now: () => number;
  isClosed: () => boolean;
  /** Knows the app's secrets; learns each token as it is sent. */
  scrubber: Scrubber;
  /** Holds each attempt until the network's rate-limit window has room; none without `rateLimit`. */
  budget?: RequestBudget | undefined;
  /** Lets go of expired tokens and idle members now and then; run as each call starts. */
  tidy?: (() => void) | undefined;
}

/** What one call may add: headers, a signal, and the member to act as (undefined: the bot). */
export interface RunOptions {
  headers?: unknown;
  signal?: unknown;
  memberId?: string | undefined;
}

/** Runs one operation with a bearer token and resolves to its typed data. */
export type RunRequest = <T>(document: DocumentNode, variables: unknown, options?: RunOptions) => Promise<T>;

/**
 * The request runner. Each call is checked and serialised first (a mistake there is a
 * `TribeConfigError` with nothing sent), then gets the member's token (cached, minted once for all
 * parallel callers), sends it as a bearer on that request only, retries by the policy, and on a
 * rejected token mints once more and retries once; a second rejection is a {@link TribeAuthError}.
 * The call's signal reaches every step: the wait for a mint, each attempt and each wait between.
 */
export function createRequestRunner(context: RunnerContext): RunRequest {
  const { exchange, route, tokens, networkId, call, onEvent, now, scrubber, budget } = context;
  const { scrub } = scrubber;
  const baseHeaders = requestHeaders(call.headers);
  const limits = { timeoutMs: call.timeoutMs, maxResponseBytes: call.maxResponseBytes, scrub };

  return async <T>(document: DocumentNode, variables: unknown, options: RunOptions = {}): Promise<T> => {
    if (context.isClosed()) throw new TribeConfigError(MESSAGES.closed);
    context.tidy?.();
    // A generated or already seen document compiles at once, so the call goes on in this tick; only other documents wait for the printer.
    const compiled = compileDocument(document);
    const { body, operationName, isMutation } = encodeOperation(compiled instanceof Promise ? await compiled : compiled, variables);
    const extra = checkHeaders(options.headers, 'header');
    const headers = extra && Object.keys(extra).length > 0 ? { ...baseHeaders, ...extra } : baseHeaders;
    const signal = eitherSignal(call.signal, checkSignal(options.signal, 'signal'));
    const { memberId } = options;
    const toError = (raw: unknown): TribeError => {
      // A call cut short by close() ends as the abort it is, whatever the transport made of it.
      if (context.isClosed() && !(raw instanceof TribeError && raw.code === 'TRIBE_ABORTED')) return abortError(call.signal);
      return toTribeError(raw, { operationName, networkId, isMint: false, now: now(), scrub });
    };
    let attempt = 0;

    const send = async (token: CachedToken): Promise<T> => {
      attempt += 1;
      scrubber.addToken(token.accessToken);
      // Every attempt, retries too, waits for room in the window and is charged what its answer reports.
      const ticket = budget && (await budget.admit(document, operationName, variables as Record<string, unknown> | undefined, signal));
      let reported: unknown;
      const sent = { ...headers, authorization: bearerAuthorization(token.accessToken) };
      onEvent?.({ type: 'request', operationName, attempt, memberId, headers: redactHeaders(sent) });
      const started = onEvent ? now() : 0;
      try {
        const response = await exchange(exchangeRequest(route(token), sent, body, signal, limits));
        const data = readResult<T>(response, ticket && ((extensions) => (reported = (extensions as { complexity?: unknown } | undefined)?.complexity)));
        onEvent?.({ type: 'response', operationName, attempt, ok: true, status: 200, errorCode: undefined, durationMs: now() - started });
        return data;
      } catch (raw) {
        const error = toError(raw);
        onEvent?.({ type: 'response', operationName, attempt, ok: false, status: error.status, errorCode: error.code, durationMs: now() - started });
        throw error;
      } finally {
        if (ticket) budget!.settle(ticket, reported);
      }
    };

    const retry = { operationName, isMutation, policy: call.policy, signal, onEvent, toError };
    const lookup = { timeoutMs: call.timeoutMs, signal };
    const found = tokens.get(memberId, lookup);
    const token = found instanceof Promise ? await found : found;
    try {
      try {
        return await send(token);
      } catch (raw) {
        return await retryAfterFailure(raw, () => send(token), retry);
      }
    } catch (error) {
      if (!(error instanceof TribeAuthError)) throw error;
      const fresh = await tokens.replaceRejected(memberId, token, lookup);
      return runWithRetries(() => send(fresh), retry);
    }
  };
}
