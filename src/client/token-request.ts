import type { DocumentNode } from 'graphql';
import type { Variables } from 'graphql-request';
import type { AccessToken } from '../auth/access-token.js';
import { bearerAuthorization } from '../auth/authorization-header.js';
import { signal as checkSignal } from '../options/rules.js';
import { resolveTokenRequest, type TokenRequestOptions } from '../options/token-request-options.js';
import { compileDocument } from '../transport/compiled-document.js';
import { encodeOperation } from '../transport/encode-operation.js';
import { toTribeError } from '../transport/map-error.js';
import { readResult } from '../transport/read-result.js';
import { requestHeaders } from '../transport/request-headers.js';
import { Scrubber } from '../scrub.js';
import { createTransport, exchangeRequest } from '../transport/transport.js';
import { acceptGatewayUrl } from './gateway-router.js';

/** Sends one generated document with its variables and resolves to its typed data. */
export type TokenRequest = <TData, TVariables extends Variables = Variables>(
  document: DocumentNode,
  variables?: TVariables,
  signal?: AbortSignal,
) => Promise<TData>;

/**
 * The smallest way to run generated documents: one token, one function, no `getSdk`, so bundlers keep
 * only the documents you import. It neither refreshes the token nor retries; `createTribeClient` does.
 * Failures are the same `TribeError` subclasses.
 */
export function createTokenRequest(token: AccessToken, options: TokenRequestOptions): TokenRequest {
  const { networkId, endpoint, transport, call, gatewayHosts } = resolveTokenRequest(token, options);
  const url = acceptGatewayUrl(token.gatewayUrl, endpoint, gatewayHosts) ?? endpoint;
  const exchange = createTransport(transport, false);
  const headers = { ...requestHeaders(call.headers), authorization: bearerAuthorization(token.accessToken) };
  const { scrub } = new Scrubber([token.accessToken, ...(transport.proxy?.secrets ?? [])]);
  const limits = { timeoutMs: call.timeoutMs, maxResponseBytes: call.maxResponseBytes, scrub };
  return async <TData>(document: DocumentNode, variables?: Variables, signal?: AbortSignal): Promise<TData> => {
    // A generated or already seen document compiles at once, so the call goes on in this tick; only other documents wait for the printer.
    const compiled = compileDocument(document);
    const { body, operationName } = encodeOperation(compiled instanceof Promise ? await compiled : compiled, variables);
    try {
      return readResult<TData>(await exchange(exchangeRequest(url, { ...headers }, body, checkSignal(signal, 'signal'), limits)));
    } catch (raw) {
      throw toTribeError(raw, { operationName, networkId, isMint: false, now: Date.now(), scrub });
    }
  };
}
