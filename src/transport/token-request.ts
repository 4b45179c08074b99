import type { DocumentNode } from 'graphql';
import type { Variables } from 'graphql-request';
import type { AccessToken } from '../auth/access-token.js';
import { bearerAuthorization } from '../auth/authorization-header.js';
import { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS } from '../constants.js';
import { compileDocument } from './compiled-document.js';
import { checkCallOptions } from '../client-options.js';
import { parseEndpoint, requireText } from '../options.js';
import { createFetchExchange } from './fetch-exchange.js';
import type { HttpExchange } from './http-exchange.js';
import { acceptGatewayUrl } from './gateway-url.js';
import { toTribeError } from './map-error.js';
import { sendOperation } from './send-operation.js';

/** Options of {@link createTokenRequest}. */
export interface TokenRequestOptions {
  /** The network the token is for; named in a Forbidden error. */
  networkId: string;
  /** The endpoint the token was minted at (default {@link DEFAULT_ENDPOINT}); decides whether `gatewayUrl` is trusted. */
  endpoint?: string;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
  /** How long one request may take, in ms (default 30 000). */
  timeoutMs?: number;
  /** Headers sent with every request; the token's Authorization always wins. */
  headers?: Record<string, string>;
}

/** Sends one generated document with its variables and resolves to its typed data. */
export type TokenRequest = <TData, TVariables extends Variables = Variables>(
  document: DocumentNode,
  variables?: TVariables,
  signal?: AbortSignal,
) => Promise<TData>;

/**
 * The smallest way to run generated documents: one token, one function, no `getSdk`, so bundlers keep
 * only the documents you import. It neither refreshes the token nor retries; `createTribeClient` does.
 * Failures are the same {@link TribeError} subclasses.
 */
export function createTokenRequest(token: AccessToken, options: TokenRequestOptions): TokenRequest {
  return createTokenRequestWith(token, options, createFetchExchange);
}

/** {@link createTokenRequest} with the exchange used when `options.fetch` is not given; each package entry picks its own. */
export function createTokenRequestWith(token: AccessToken, options: TokenRequestOptions, defaultExchange: () => HttpExchange): TokenRequest {
  const networkId = requireText(options?.networkId, 'networkId');
  requireText(token?.accessToken, 'token.accessToken');
  checkCallOptions({ timeoutMs: options.timeoutMs, headers: options.headers });
  // Credentials written into the endpoint are for minting; a bearer request must not carry them.
  const endpoint = parseEndpoint(options.endpoint ?? DEFAULT_ENDPOINT).url;
  const url = acceptGatewayUrl(token.gatewayUrl, endpoint) ?? endpoint;
  const exchange = options.fetch ? createFetchExchange(options.fetch) : defaultExchange();
  const headers = { ...options.headers, authorization: bearerAuthorization(token.accessToken) };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async <TData>(document: DocumentNode, variables?: Variables, signal?: AbortSignal): Promise<TData> => {
    try {
      return await sendOperation<TData>(exchange, { url, document, variables, headers, signal, timeoutMs });
    } catch (raw) {
      const operationName = compileDocument(document).operationName ?? 'anonymous';
      throw toTribeError(raw, { operationName, networkId, isMint: false, now: Date.now() });
    }
  };
}
