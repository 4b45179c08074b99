import { abortError, throwIfAborted } from '../abort.js';
import type { TribeEventListener, TribeTokenEvent } from '../events.js';
import type { AccessToken } from './access-token.js';
import type { CachedToken, TokenCache } from './token-cache.js';

/** What a token source is built from; the mint is injected, so this layer sends nothing itself. */
export interface TokenSourceOptions {
  /** Mints a fresh token for the member (undefined: the bot). */
  mint: (memberId: string | undefined) => Promise<AccessToken>;
  cache: TokenCache;
  /** Everything that makes tokens differ apart from the member: endpoint, client ID, network. */
  keyParts: readonly string[];
  networkId: string;
  refreshMarginMs: number;
  now: () => number;
  onEvent: TribeEventListener | undefined;
}

type MintReason = TribeTokenEvent['reason'];

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
  readonly #inFlight = new Map<string, Promise<CachedToken>>();
  readonly #keyPrefix: string;
  readonly #botKey: string;
  #closed = false;

  constructor(options: TokenSourceOptions) {
    this.#options = options;
    this.#keyPrefix = options.keyParts.map(encodeURIComponent).join('|');
    this.#botKey = `${this.#keyPrefix}|bot`;
  }

  /**
   * A usable token for the member: the cached one while fresh, else one shared new mint. A sync cache
   * (the default) with a fresh token answers synchronously, without a promise: this is every request's path.
   */
  get(memberId: string | undefined, options: { forceRefresh?: boolean; signal?: AbortSignal } = {}): CachedToken | Promise<CachedToken> {
    throwIfAborted(options.signal);
    const key = this.#keyFor(memberId);
    if (options.forceRefresh) return abandonable(this.#mintOnce(key, memberId, 'forced'), options.signal);
    const pending = this.#inFlight.get(key);
    if (pending) return abandonable(pending, options.signal);
    const lookup = this.#options.cache.get(key);
    if (lookup instanceof Promise) return lookup.then((cached) => this.#freshOrMint(key, memberId, cached, options.signal));
    return this.#freshOrMint(key, memberId, lookup, options.signal);
  }

  #freshOrMint(key: string, memberId: string | undefined, cached: CachedToken | undefined, signal: AbortSignal | undefined): CachedToken | Promise<CachedToken> {
    if (cached && this.#isFresh(cached)) return cached;
    return abandonable(this.#mintOnce(key, memberId, cached ? 'expiring' : 'missing'), signal);
  }

  /**
   * Replaces a token the API rejected, and drops it from the cache so that other processes sharing
   * the cache stop sending it. When another caller already replaced it, that newer token is returned,
   * so a burst of rejections still costs one mint.
   */
  async replaceRejected(memberId: string | undefined, rejected: CachedToken, signal?: AbortSignal): Promise<CachedToken> {
    throwIfAborted(signal);
    const key = this.#keyFor(memberId);
    const pending = this.#inFlight.get(key);
    if (pending) return abandonable(pending, signal);
    const cached = await this.#options.cache.get(key);
    if (cached && cached.accessToken !== rejected.accessToken && this.#isFresh(cached)) return cached;
    const minting = this.#mintOnce(key, memberId, 'rejected', cached?.accessToken === rejected.accessToken);
    return abandonable(minting, signal);
  }

  /** Stops storing tokens: mints still in flight finish for their waiters but are not cached. */
  close(): void {
    this.#closed = true;
    this.#inFlight.clear();
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

  #mintOnce(key: string, memberId: string | undefined, reason: MintReason, dropCached = false): Promise<CachedToken> {
    const pending = this.#inFlight.get(key);
    if (pending) return pending;
    const minting = this.#mintAndStore(key, memberId, reason, dropCached).finally(() => {
      if (this.#inFlight.get(key) === minting) this.#inFlight.delete(key);
    });
    this.#inFlight.set(key, minting);
    return minting;
  }

  async #mintAndStore(key: string, memberId: string | undefined, reason: MintReason, dropCached: boolean): Promise<CachedToken> {
    const { cache, mint, now, onEvent, networkId } = this.#options;
    if (dropCached) await cache.delete(key);
    const token: CachedToken = { ...(await mint(memberId)), mintedAt: now() };
    const ttlMs = token.expiresAt === undefined ? undefined : Math.max(0, token.expiresAt - now());
    if (!this.#closed) await cache.set(key, token, ttlMs);
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
