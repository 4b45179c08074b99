import type { GraphQLClient } from 'graphql-request';
import { getSdk as getGeneratedSdk, type SdkFunctionWrapper } from '../generated/sdk.js';
import type { AccessToken } from './auth/access-token.js';
import type { CachedToken } from './auth/token-cache.js';
import { mintWithContext } from './auth/mint-access-token.js';
import { MemoryTokenCache, type TokenCache } from './auth/token-cache.js';
import { TokenManager } from './auth/token-manager.js';
import { DEFAULT_REFRESH_MARGIN_MS, DEFAULT_TIMEOUT_MS } from './constants.js';
import { checkCallOptions, checkClientOptions, combineSignals, policyOf } from './client-options.js';
import { TribeConfigError } from './errors.js';
import { safeListener, type TribeEventListener } from './events.js';
import { resolveAuthOptions, resolveMemberId, type TribeAuthOptions } from './options.js';
import { createAuthorizedClient } from './transport/authorized-client.js';
import { acceptGatewayUrl } from './transport/gateway-url.js';
import { DEFAULT_RETRY_POLICY } from './transport/retry-policy.js';
import { createFetchExchange } from './transport/fetch-exchange.js';
import type { HttpExchange } from './transport/http-exchange.js';

/** The shape of a `getSdk` that codegen's typescript-graphql-request plugin emits. */
export type GetSdk<TSdk> = (client: GraphQLClient, withWrapper?: SdkFunctionWrapper) => TSdk;

/** The SDK generated from this package's operations. */
export type TribeSdk = ReturnType<typeof getGeneratedSdk>;

/** Options that can be set per client and overridden per call through {@link TribeClient.withOptions}. */
export interface TribeCallOptions {
  /** How long one attempt may take, in ms (default 30 000). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 502-504 and network errors (default 2). */
  maxRetries?: number;
  /** The longest single wait between attempts, in ms (default 30 000). */
  maxDelayMs?: number;
  /** The first backoff step, in ms, doubled per retry with jitter (default 200). */
  baseDelayMs?: number;
  /** Retry mutations too (default false: a retried `createPost` could post twice). */
  retryMutations?: boolean;
  /** Headers sent with every request; plain objects only. */
  headers?: Record<string, string>;
  /** Cancels the calls made through this SDK, including token mints they wait for. */
  signal?: AbortSignal;
}

/** Options of {@link createTribeClient}. */
export interface TribeClientOptions<TSdk = TribeSdk> extends Omit<TribeAuthOptions, 'memberId' | 'signal'>, TribeCallOptions {
  /** Refresh a token this long before its `exp`, in ms (default 60 000, at most half its lifetime). */
  refreshMarginMs?: number;
  /** The clock, in epoch ms; for tests (default `Date.now`). */
  now?: () => number;
  /** Where tokens are kept; share one between processes through Redis or the like (default: in memory). */
  tokenCache?: TokenCache;
  /** Receives typed events: request, response, retry, token minted or refreshed. Secrets are redacted. */
  onEvent?: TribeEventListener;
  /** A `getSdk` generated from your own operations with typescript-graphql-request (default: this package's). */
  getSdk?: GetSdk<TSdk>;
}

/** A long-lived client: token cache, single-flight refresh, retries and per-member SDKs. */
export interface TribeClient<TSdk = TribeSdk> {
  /** The typed SDK, acting as the app's bot. */
  readonly sdk: TSdk;
  /** A typed SDK acting as one member; it shares this client's token cache and transport. */
  impersonate(memberId: string): TSdk;
  /** A typed SDK with options for the calls made through it, e.g. a signal or `retryMutations`. */
  withOptions(options: TribeCallOptions & { memberId?: string }): TSdk;
  /** The current token (of the bot, or of `memberId`), minted when needed or when `forceRefresh` is set. */
  getAccessToken(options?: { forceRefresh?: boolean; memberId?: string; signal?: AbortSignal }): Promise<AccessToken>;
  /** Stops the client: later calls fail, and cached tokens of the default cache are dropped. */
  close(): void;
}

/** How many member SDKs `impersonate` keeps ready; older ones are built again when needed. */
const MAX_MEMBER_SDKS = 1_000;

/** Creates a client; nothing is sent until the first call or {@link TribeClient.getAccessToken}. */
export function createTribeClient<TSdk = TribeSdk>(options: TribeClientOptions<TSdk>): TribeClient<TSdk> {
  return createTribeClientWith(options, createFetchExchange);
}

/** {@link createTribeClient} with the exchange used when `options.fetch` is not given; each package entry picks its own. */
export function createTribeClientWith<TSdk = TribeSdk>(options: TribeClientOptions<TSdk>, defaultExchange: () => HttpExchange): TribeClient<TSdk> {
  const auth = resolveAuthOptions(options);
  checkClientOptions(options);
  const now = options.now ?? Date.now;
  const onEvent = safeListener(options.onEvent);
  const basePolicy = policyOf(options, DEFAULT_RETRY_POLICY);
  const baseTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const getSdk = (options.getSdk ?? getGeneratedSdk) as GetSdk<TSdk>;
  const ownCache = options.tokenCache === undefined ? new MemoryTokenCache() : undefined;
  let closed = false;

  const exchange = options.fetch ? createFetchExchange(options.fetch) : defaultExchange();
  const tokens = new TokenManager({
    cache: options.tokenCache ?? ownCache!,
    keyParts: [auth.endpoint, auth.clientId, auth.networkId],
    networkId: auth.networkId,
    refreshMarginMs: options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
    now,
    onEvent,
    mint: (memberId) => mintWithContext({ ...auth, memberId }, { exchange, timeoutMs: baseTimeout, policy: basePolicy, now, onEvent }, undefined),
  });

  // Where a token is sent follows the token itself (its gatewayUrl), also for tokens another process minted.
  const routes = new Map<string | undefined, string>();
  const routeFor = (token: CachedToken): string => {
    let url = routes.get(token.gatewayUrl);
    if (url === undefined) routes.set(token.gatewayUrl, (url = acceptGatewayUrl(token.gatewayUrl, auth.endpoint) ?? auth.endpoint));
    return url;
  };

  const build = (call: TribeCallOptions, memberId: string | undefined): TSdk => {
    checkCallOptions(call);
    const client = createAuthorizedClient({
      exchange,
      url: routeFor,
      timeoutMs: call.timeoutMs ?? baseTimeout,
      tokens,
      memberId,
      networkId: auth.networkId,
      policy: policyOf(call, basePolicy),
      headers: { ...options.headers, ...call.headers },
      signal: combineSignals(options.signal, call.signal),
      onEvent,
      now,
      isClosed: () => closed,
    });
    return getSdk(client);
  };

  const members = new Map<string, TSdk>();
  const sdk = build({}, undefined);
  return {
    sdk,
    impersonate(memberId) {
      const id = resolveMemberId(memberId)!;
      let memberSdk = members.get(id);
      if (!memberSdk) {
        // Keep the most recent SDKs only: an app acting for many members must not grow without bound.
        if (members.size >= MAX_MEMBER_SDKS) members.delete(members.keys().next().value!);
        members.set(id, (memberSdk = build({}, id)));
      }
      return memberSdk;
    },
    withOptions({ memberId, ...call }) {
      return build(call, resolveMemberId(memberId));
    },
    async getAccessToken({ forceRefresh, memberId, signal } = {}) {
      if (closed) throw new TribeConfigError('tribe-sdk: this client was closed');
      const { accessToken, gatewayUrl, expiresAt } = await tokens.get(resolveMemberId(memberId), {
        forceRefresh,
        signal: combineSignals(options.signal, signal),
      });
      return { accessToken, gatewayUrl, expiresAt };
    },
    close() {
      closed = true;
      members.clear();
      tokens.close();
      ownCache?.clear();
    },
  };
}

/** Mints a token with the app's credentials and returns the typed SDK that sends it as a bearer. */
export async function createTribeSdk<TSdk = TribeSdk>(options: TribeClientOptions<TSdk> & { memberId?: string; signal?: AbortSignal }): Promise<TSdk> {
  return createTribeSdkWith(options, createFetchExchange);
}

/** {@link createTribeSdk} with the exchange used when `options.fetch` is not given. */
export async function createTribeSdkWith<TSdk = TribeSdk>(
  options: TribeClientOptions<TSdk> & { memberId?: string; signal?: AbortSignal },
  defaultExchange: () => HttpExchange,
): Promise<TSdk> {
  const { memberId, signal, ...clientOptions } = options;
  const client = createTribeClientWith(clientOptions, defaultExchange);
  await client.getAccessToken({ memberId, signal });
  return memberId === undefined ? client.sdk : client.impersonate(memberId);
}
