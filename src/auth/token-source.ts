import { abortError, throwIfAborted } from '../abort.js';
import type { TribeEvent, TribeTokenEvent } from '../events.js';
import type { AccessToken } from './access-token.js';
import { GuardedCache } from './guarded-cache.js';
import type { CachedToken, SharedTokenCache, TokenCache } from './token-cache.js';

/** One mint for every process sharing the cache, as the token source asks for it. */
export interface ClusterMintRequest {
  key: string;
  /** Mints a token; only the lock holder calls it. */
  mint: () => Promise<CachedToken>;
  /** Whether a token found in the cache is the one wanted (fresh, and not the one being replaced). */
  accepts: (token: CachedToken) => boolean;
  /** How long a holder keeps the lock unless it releases it first: longer than a mint takes. */
  lockTtlMs: number;
  /** How often a waiter looks for the token (and for an expired lock). */
  pollMs: number;
  /** How long a waiter waits in all before it gives up. */
  waitLimitMs: number;
  now: () => number;
  /** Stores what this process minted: in the shared cache, before the lock is released. */
  store: (token: CachedToken) => void | Promise<void>;
}

/** Runs a mint once for the cluster (the client passes the strategy in, so this layer knows no lock). */
export type ClusterMint = (request: ClusterMintRequest) => Promise<{ token: CachedToken; minted: boolean }>;

/** Where a token source keeps tokens: a cache of this process, or a shared one with the strategy that mints once for all. */
export type TokenStore = { kind: 'local'; cache: TokenCache } | { kind: 'shared'; cache: SharedTokenCache; mintInCluster: ClusterMint };

/** What a token source is built from; the mint is injected, so this layer sends nothing itself. */
export interface TokenSourceOptions {
  /** Mints a fresh token for the member (undefined: the bot). */
  mint: (memberId: string | undefined) => Promise<AccessToken>;
  store: TokenStore;
  /** Everything that makes tokens differ apart from the member: endpoint, client ID, network. */
  keyParts: readonly string[];
  networkId: string;
  refreshMarginMs: number;
  now: () => number;
  onEvent: ((event: TribeEvent) => void) | undefined;
  /** How long the mint lock of a shared cache (one with `acquireMintLock`) is held at most: longer than a mint takes (default 31 s). */
  mintLockTtlMs?: number;
}

/** One lookup: the call's timeout (it bounds an async cache) and signal, and whether to mint regardless. */
export interface LookupOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  forceRefresh?: boolean;
}

type MintReason = TribeTokenEvent['reason'];

/** How many of its own mints a token source remembers besides the cache. */
const MAX_MINTED = 1_000;
/** How often a process waiting for another's mint looks for the token. */
const MINT_POLL_MS = 25;
/** The mint lock's lifetime unless given: the default attempt timeout and a second. */
const DEFAULT_MINT_LOCK_TTL_MS = 31_000;

/**
 * Resolves with `promise`, or rejects with a TribeAbortError when `signal` aborts first. The
 * promise goes on for its other waiters, and its outcome is always observed, so a mint that fails
 * after its only waiter left never becomes an unhandled rejection.
 */
function abandonable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Caches tokens per member, refreshes them `refreshMarginMs` before they expire, and makes sure that
 * callers who need the same token at once share one mint (single flight). A failed mint rejects every
 * waiter with the same error and leaves nothing in the cache.
 */
export class TokenSource {
  readonly #options: TokenSourceOptions;
  readonly #cache: GuardedCache;
  readonly #inFlight = new Map<string, Promise<CachedToken>>();
  /** The tokens this source minted, used when the plugged-in cache has nothing usable (it failed, or lost the entry). */
  readonly #minted = new Map<string, CachedToken>();
  readonly #keyPrefix: string;
  readonly #botKey: string;
  #closed = false;

  constructor(options: TokenSourceOptions) {
    this.#options = options;
    this.#cache = new GuardedCache(options.store.cache, (problem) => options.onEvent?.({ type: 'token-cache-problem', ...problem }));
    this.#keyPrefix = options.keyParts.map(encodeURIComponent).join('|');
    this.#botKey = `${this.#keyPrefix}|bot`;
  }

  /**
   * A usable token for the member: the cached one while fresh, else one shared new mint. A sync cache
   * (the default) with a fresh token answers synchronously, without a promise: this is every request's path.
   */
  get(memberId: string | undefined, options: LookupOptions): CachedToken | Promise<CachedToken> {
    const { signal } = options;
    throwIfAborted(signal);
    const key = this.#keyFor(memberId);
    if (options.forceRefresh) return abandonable(this.#mintOnce(key, memberId, 'forced'), signal);
    const pending = this.#inFlight.get(key);
    if (pending) return abandonable(pending, signal);
    const lookup = this.#cache.get(key, memberId, options);
    if (lookup instanceof Promise) return lookup.then((cached) => this.#freshOrMint(key, memberId, cached, signal));
    return this.#freshOrMint(key, memberId, lookup, signal);
  }

  #freshOrMint(key: string, memberId: string | undefined, found: CachedToken | undefined, signal: AbortSignal | undefined): CachedToken | Promise<CachedToken> {
    // A cache that fails to store (or drops entries) must not cost a mint per call.
    const cached = found ?? this.#minted.get(key);
    if (cached && this.#isFresh(cached)) return cached;
    return abandonable(this.#mintOnce(key, memberId, cached ? 'expiring' : 'missing'), signal);
  }

  /**
   * Replaces a token the API rejected, and drops it from the cache so that other processes sharing
   * the cache stop sending it. When another caller already replaced it, that newer token is returned,
   * so a burst of rejections still costs one mint.
   */
  async replaceRejected(memberId: string | undefined, rejected: CachedToken, options: LookupOptions): Promise<CachedToken> {
    const { signal } = options;
    throwIfAborted(signal);
    const key = this.#keyFor(memberId);
    const pending = this.#inFlight.get(key);
    if (pending) return abandonable(pending, signal);
    const cached = await this.#cache.get(key, memberId, options);
    if (cached && cached.accessToken !== rejected.accessToken && this.#isFresh(cached)) return cached;
    const minting = this.#mintOnce(key, memberId, 'rejected', cached?.accessToken === rejected.accessToken, rejected);
    return abandonable(minting, signal);
  }

  /** Forgets the tokens of its own mints that have expired (the cache drops its entries itself). */
  sweep(): void {
    const now = this.#options.now();
    for (const [key, token] of this.#minted) if (token.expiresAt !== undefined && token.expiresAt <= now) this.#minted.delete(key);
  }

  /** Stops storing tokens: mints still in flight finish for their waiters but are not cached. */
  close(): void {
    this.#closed = true;
    this.#inFlight.clear();
    this.#minted.clear();
  }

  /** The cache key of a member's token; each part is encoded, so no ID can pass for another. */
  #keyFor(memberId: string | undefined): string {
    return memberId === undefined ? this.#botKey : `${this.#keyPrefix}|${encodeURIComponent(`member:${memberId}`)}`;
  }

  /** Whether a cached token can still be sent: no `exp`, or not yet within the refresh margin. */
  #isFresh(token: CachedToken): boolean {
    if (token.expiresAt === undefined) return true;
    const lifetime = token.expiresAt - token.mintedAt;
    const margin = Math.min(this.#options.refreshMarginMs, Math.max(0, lifetime / 2));
    return this.#options.now() < token.expiresAt - margin;
  }

  #mintOnce(key: string, memberId: string | undefined, reason: MintReason, dropCached = false, rejected?: CachedToken): Promise<CachedToken> {
    const pending = this.#inFlight.get(key);
    if (pending) return pending;
    const { store } = this.#options;
    const minting = (
      store.kind === 'shared' ? this.#mintInCluster(store, key, memberId, reason, rejected) : this.#mintAndStore(key, memberId, reason, dropCached)
    ).finally(() => {
      if (this.#inFlight.get(key) === minting) this.#inFlight.delete(key);
    });
    this.#inFlight.set(key, minting);
    return minting;
  }

  /**
   * One mint for every process sharing the cache: under its lock, the holder looks again and mints
   * only if it must; the others take the token it stores. The rejected token stays in the shared cache
   * until the holder replaces it, so that the whole cluster replaces it once. A forced refresh wants a
   * token minted after it began.
   */
  async #mintInCluster(
    store: Extract<TokenStore, { kind: 'shared' }>,
    key: string,
    memberId: string | undefined,
    reason: MintReason,
    rejected: CachedToken | undefined,
  ): Promise<CachedToken> {
    const { now, onEvent, networkId } = this.#options;
    const { cache } = store;
    const startedAt = now();
    const lockTtlMs = this.#options.mintLockTtlMs ?? DEFAULT_MINT_LOCK_TTL_MS;
    const { token, minted } = await store.mintInCluster({
      key,
      mint: async () => ({ ...(await this.#options.mint(memberId)), mintedAt: now() }),
      accepts: (found) => (reason === 'forced' ? found.mintedAt >= startedAt : this.#isFresh(found) && found.accessToken !== rejected?.accessToken),
      lockTtlMs,
      pollMs: MINT_POLL_MS,
      waitLimitMs: 3 * lockTtlMs,
      now,
      store: (fresh) => (this.#closed ? undefined : cache.set(key, fresh, fresh.expiresAt === undefined ? undefined : Math.max(0, fresh.expiresAt - now()))),
    });
    this.#remember(key, token);
    if (minted) onEvent?.({ type: reason === 'missing' ? 'token-minted' : 'token-refreshed', networkId, memberId, expiresAt: token.expiresAt, reason });
    return token;
  }

  #remember(key: string, token: CachedToken): void {
    if (this.#closed) return;
    this.#minted.delete(key);
    if (this.#minted.size >= MAX_MINTED) this.#minted.delete(this.#minted.keys().next().value!);
    this.#minted.set(key, token);
  }

  async #mintAndStore(key: string, memberId: string | undefined, reason: MintReason, dropCached: boolean): Promise<CachedToken> {
    const { mint, now, onEvent, networkId } = this.#options;
    // The cache is written in the background, in order: a hanging or failing cache never holds up the mint's waiters.
    const dropped = dropCached ? this.#cache.delete(key, memberId) : Promise.resolve();
    const token: CachedToken = { ...(await mint(memberId)), mintedAt: now() };
    const ttlMs = token.expiresAt === undefined ? undefined : Math.max(0, token.expiresAt - now());
    if (!this.#closed) {
      void dropped.then(() => this.#cache.set(key, token, ttlMs, memberId));
      this.#remember(key, token);
    }
    onEvent?.({
      type: reason === 'missing' ? 'token-minted' : 'token-refreshed',
      networkId,
      memberId,
      expiresAt: token.expiresAt,
      reason,
    });
    return token;
  }
}
