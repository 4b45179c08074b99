import type { AccessToken } from '../auth/access-token.js';
import { limitedTokenRequest, readLimitedToken } from '../auth/limited-token.js';
import type { LimitedTokenQuery } from '../../generated/sdk.js';
import type { TribeEventListener } from '../events.js';
import type { ResolvedAuth } from '../options/auth-options.js';
import type { ResolvedCall } from '../options/call-options.js';
import { compileDocument } from '../transport/compiled-document.js';
import { encodeOperation } from '../transport/encode-operation.js';
import type { HttpExchange, TransportSettings } from '../transport/exchange.js';
import { exchangeRequest } from '../transport/transport.js';
import { toTribeError } from '../transport/map-error.js';
import { readResult } from '../transport/read-result.js';
import { requestHeaders } from '../transport/request-headers.js';
import { basicAuthorization } from '../auth/authorization-header.js';
import { Scrubber } from '../scrub.js';
import { runWithRetries } from './run-with-retries.js';

/** What a mint is sent with. */
export interface MintContext {
  exchange: HttpExchange;
  /** The timeout and retry policy; the mint sends none of the caller's headers. */
  call: ResolvedCall;
  now: () => number;
  onEvent: TribeEventListener | undefined;
  scrubber: Scrubber;
}

/** A scrubber that knows the app's secrets: the client secret, the Basic value made from it, and the proxy's credentials. */
export function appScrubber(auth: ResolvedAuth, transport: TransportSettings): Scrubber {
  const basic = basicAuthorization(auth.clientId, auth.clientSecret);
  return new Scrubber([auth.clientSecret, basic, basic.slice('Basic '.length), ...(transport.proxy?.secrets ?? [])]);
}

/** Mints one token: one POST of `limitedToken` with HTTP Basic auth to the endpoint, retried as a query. */
export async function mintToken(auth: ResolvedAuth, memberId: string | undefined, context: MintContext, signal: AbortSignal | undefined): Promise<AccessToken> {
  const request = limitedTokenRequest(auth, memberId);
  // A generated or already seen document compiles at once, so the call goes on in this tick; only other documents wait for the printer.
  const compiled = compileDocument(request.document);
  const { body, operationName } = encodeOperation(compiled instanceof Promise ? await compiled : compiled, request.variables);
  const headers = { ...requestHeaders({}), authorization: request.authorization };
  const { exchange, call, now, onEvent, scrubber } = context;
  const limits = { timeoutMs: call.timeoutMs, maxResponseBytes: call.maxResponseBytes, scrub: scrubber.scrub };
  const { scrub } = scrubber;
  const data = await runWithRetries(async () => readResult<LimitedTokenQuery>(await exchange(exchangeRequest(auth.endpoint, headers, body, signal, limits))), {
    operationName,
    isMutation: false,
    policy: call.policy,
    signal,
    onEvent,
    toError: (raw) => toTribeError(raw, { operationName, networkId: auth.networkId, isMint: true, now: now(), scrub }),
  });
  return readLimitedToken(data);
}
