import type { GraphQLClient } from 'graphql-request';
import type { Sdk, SdkFunctionWrapper } from '../../generated/sdk.js';
import type { SharedTokenCache, TokenCache, TokenStorage } from '../auth/token-cache.js';
import type { TransportSettings } from '../transport/exchange.js';
import type { TribeEventListener } from '../events.js';
import { isRateLimitStore, type RateLimitStore } from '../rate-limit/rate-limit-store.js';
import { isStaticCost, type OperationCosts } from '../rate-limit/static-cost.js';
import { resolveAuth, resolveMemberId, type ResolvedAuth, type TribeAuthOptions } from './auth-options.js';
import { resolveCall, type ResolvedCall, type TribeCallOptions } from './call-options.js';
import type { CoalesceSettings } from '../coalesce/coalescer.js';
import { resolveCoalesce, type TribeCoalesceOptions } from './coalesce-options.js';
import { DEFAULTS } from './defaults.js';
import { callable, duration, flag, hostNames, invalid, object, signal } from './rules.js';
import { resolveTransport, type TransportOptions } from './transport-options.js';

/** The shape of a `getSdk` that codegen's typescript-graphql-request plugin emits. */
export type GetSdk<TSdk> = (client: GraphQLClient, withWrapper?: SdkFunctionWrapper) => TSdk;

/** The SDK generated from this package's operations. */
export type TribeSdk = Sdk;

/** Options of `createTribeClient`. */
export interface TribeClientOptions<TSdk = TribeSdk> extends Omit<TribeAuthOptions, 'memberId' | 'signal'>, TribeCallOptions {
  /** Refresh a token this long before its `exp`, in ms (default 60 000, at most half its lifetime). */
  refreshMarginMs?: number;
  /** The clock, in epoch ms; for tests (default `Date.now`). */
  now?: () => number;
  /** Where tokens are kept; share one between processes through Redis or the like (default: in memory). */
  tokenCache?: TokenCache;
  /** Queue calls to stay within the network's burst window: a store from `tribe-sdk/rate-limit`, or your own (default: none). */
  rateLimit?: RateLimitStore;
  /** Each of your operations' complexity, from the `costs.ts` codegen writes next to your `getSdk`, so `rateLimit` knows a call's cost before its first answer. */
  operationCosts?: OperationCosts;
  /** Merge the calls made in the same tick into one request (aliased root fields), under a cost cap; each call still gets its own data and errors (default off). */
  coalesce?: boolean | TribeCoalesceOptions;
  /** Receives typed events: request, response, retry, token minted or refreshed. Secrets are redacted. */
  onEvent?: TribeEventListener;
  /** A `getSdk` generated from your own operations with typescript-graphql-request (default: this package's). */
  getSdk?: GetSdk<TSdk>;
  /** Hosts (and their subdomains) a minted `gatewayUrl` may point at besides the endpoint's and the platform's API domains. */
  gatewayHosts?: string[];
  /** Connections per origin in this client's pool, on Node (default 64); `close()` ends them. The same as `transport.maxConnections`. */
  maxConnections?: number;
  /** How requests travel: your own fetch, pool size, proxy, timeout and size limit, in one group. */
  transport?: TransportOptions;
}

/** Client options after validation, with every default applied (`getSdk` stays optional: the client picks the generated one). */
export interface ResolvedClientOptions<TSdk> {
  auth: ResolvedAuth;
  call: ResolvedCall;
  refreshMarginMs: number;
  now: () => number;
  tokenStorage: TokenStorage;
  rateLimit: RateLimitStore | undefined;
  operationCosts: OperationCosts | undefined;
  coalesce: CoalesceSettings | undefined;
  onEvent: TribeEventListener | undefined;
  getSdk: GetSdk<TSdk> | undefined;
  transport: TransportSettings;
  gatewayHosts: string[];
}

/** Decides once where tokens are kept: the client's own memory, the app's cache, or a cache shared through its mint lock. */
function resolveTokenStorage(cache: unknown): TokenStorage {
  if (cache === undefined) return { kind: 'own' };
  const methods = ['get', 'set', 'delete'] as const;
  if (typeof cache !== 'object' || cache === null || !methods.every((name) => typeof (cache as Record<string, unknown>)[name] === 'function')) {
    invalid('tokenCache', 'an object with get, set and delete methods');
  }
  const lock = cache as Record<string, unknown>;
  if ((typeof lock.acquireMintLock === 'function') !== (typeof lock.releaseMintLock === 'function')) {
    invalid('tokenCache', 'an object with both acquireMintLock and releaseMintLock, or neither');
  }
  return typeof lock.acquireMintLock === 'function' ? { kind: 'shared', cache: cache as SharedTokenCache } : { kind: 'local', cache: cache as TokenCache };
}

function checkOperationCosts(costs: unknown): OperationCosts | undefined {
  if (costs === undefined) return undefined;
  if (typeof costs !== 'object' || costs === null || !Object.values(costs).every((cost) => isStaticCost(cost))) {
    invalid('operationCosts', 'the operationCosts object of a costs.ts written by codegen');
  }
  return costs as OperationCosts;
}

/** Validates every option of a client before anything is sent. */
export function resolveClientOptions<TSdk>(options: TribeClientOptions<TSdk>): ResolvedClientOptions<TSdk> {
  const given = object(options, 'options');
  const transport = resolveTransport(given);
  return {
    auth: resolveAuth(given),
    call: resolveCall({ ...given, ...transport.limits }),
    refreshMarginMs: duration(given.refreshMarginMs, 'refreshMarginMs', 0) ?? DEFAULTS.refreshMarginMs,
    now: callable<() => number>(given.now, 'now') ?? Date.now,
    tokenStorage: resolveTokenStorage(given.tokenCache),
    rateLimit:
      given.rateLimit === undefined || isRateLimitStore(given.rateLimit)
        ? given.rateLimit
        : invalid('rateLimit', 'an object with take and charge methods (see tribe-sdk/rate-limit)'),
    operationCosts: checkOperationCosts(given.operationCosts),
    coalesce: resolveCoalesce(given.coalesce, 'coalesce'),
    onEvent: callable<TribeEventListener>(given.onEvent, 'onEvent'),
    getSdk: callable<GetSdk<TSdk>>(given.getSdk, 'getSdk'),
    transport: transport.settings,
    gatewayHosts: hostNames(given.gatewayHosts, 'gatewayHosts') ?? [],
  };
}

/** Options of `getAccessToken`. */
export interface TokenLookupOptions {
  /** Mint a new token even when a fresh one is cached. */
  forceRefresh?: boolean;
  /** The member whose token to return (default: the bot). */
  memberId?: string;
  /** Cancels the wait. */
  signal?: AbortSignal;
}

/** Validates the options of `getAccessToken`. */
export function resolveTokenLookup(options: TokenLookupOptions | undefined): {
  forceRefresh: boolean;
  memberId: string | undefined;
  signal: AbortSignal | undefined;
} {
  const given = object(options, 'options');
  return {
    forceRefresh: flag(given.forceRefresh, 'forceRefresh') ?? false,
    memberId: resolveMemberId(given.memberId),
    signal: signal(given.signal, 'signal'),
  };
}
