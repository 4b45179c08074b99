import type { AccessToken } from '../auth/access-token.js';
import { DEFAULT_ENDPOINT } from '../constants.js';
import { parseEndpoint } from './auth-options.js';
import { resolveCall, type ResolvedCall } from './call-options.js';
import type { TransportSettings } from '../transport/exchange.js';
import { hostNames, object, text } from './rules.js';
import { resolveTransport, type TransportOptions } from './transport-options.js';

/** Options of `createTokenRequest`. */
export interface TokenRequestOptions {
  /** The network the token is for; named in a Forbidden error. */
  networkId: string;
  /** The endpoint the token was minted at (default {@link DEFAULT_ENDPOINT}); decides whether `gatewayUrl` is trusted. */
  endpoint?: string;
  /** A fetch implementation to use instead of the entry's default transport (the same as `transport.fetch`). */
  fetch?: typeof fetch;
  /** How requests travel: your own fetch, pool size, proxy, timeout and size limit. */
  transport?: TransportOptions;
  /** How long one request may take, in ms (default 30 000). */
  timeoutMs?: number;
  /** Headers sent with every request; the token's Authorization always wins. */
  headers?: Record<string, string>;
  /** The largest answer read, in bytes (default 16 MiB). */
  maxResponseBytes?: number;
  /** Hosts a `gatewayUrl` may point at besides the endpoint's and the platform's API domains. */
  gatewayHosts?: string[];
}

/** What `createTokenRequest` runs with. */
export interface ResolvedTokenRequest {
  token: AccessToken;
  networkId: string;
  /** The endpoint without any credentials written into it: a bearer request must not carry them. */
  endpoint: string;
  transport: TransportSettings;
  call: ResolvedCall;
  gatewayHosts: string[];
}

/** Validates a token and the options of a token request. */
export function resolveTokenRequest(token: AccessToken, options: TokenRequestOptions): ResolvedTokenRequest {
  const given = object(options, 'options');
  text(object(token, 'token').accessToken, 'token.accessToken');
  const transport = resolveTransport(given);
  return {
    token,
    networkId: text(given.networkId, 'networkId'),
    endpoint: parseEndpoint(given.endpoint ?? DEFAULT_ENDPOINT).url,
    transport: transport.settings,
    call: resolveCall({ ...transport.limits, headers: given.headers }),
    gatewayHosts: hostNames(given.gatewayHosts, 'gatewayHosts') ?? [],
  };
}
