import type { AccessToken } from './access-token.js';

/** A token as the cache keeps it: with the time it was minted, to judge how early to refresh it. */
export interface CachedToken extends AccessToken {
  mintedAt: number;
}

/**
 * Where tokens are kept between calls. Methods may be sync or async, so that several processes can
 * share tokens through Redis or the like. `ttlMs` is how long the entry is worth keeping, when known.
 * The SDK treats a cache as untrusted: what `get` answers is validated, and a cache that fails or
 * hangs is worked around (see the `token-cache-problem` event).
 */
export interface TokenCache {
  /** Returns the token stored under `key`, or undefined when there is none. */
  get(key: string): CachedToken | undefined | Promise<CachedToken | undefined>;
  /** Stores `token` under `key`; `ttlMs`, when known, is how long the entry is worth keeping. */
  set(key: string, token: CachedToken, ttlMs: number | undefined): void | Promise<void>;
  /** Forgets the token under `key`. */
  delete(key: string): void | Promise<void>;
}

/**
 * A lock with an expiry that processes sharing a token cache take before they mint, so that only
 * one of them mints; if the holder dies, the lock expires and another process takes it.
 */
export interface TokenMintLock {
  /** Takes the lock for `key` for `ttlMs`; resolves with the holder's value, or undefined when another process holds it. */
  acquireMintLock(key: string, ttlMs: number): Promise<string | undefined>;
  /** Releases the lock, if `holder` still holds it (an expired lock may already be another's). */
  releaseMintLock(key: string, holder: string): Promise<void>;
}

/** A token cache shared between processes, with the lock that makes them mint once. */
export type SharedTokenCache = TokenCache & TokenMintLock;

/** Where a client keeps its tokens, decided once: its own memory, a cache of the app's, or a cache shared between processes. */
export type TokenStorage = { kind: 'own' } | { kind: 'local'; cache: TokenCache } | { kind: 'shared'; cache: SharedTokenCache };

/** How many tokens the default cache keeps unless told otherwise. */
const DEFAULT_MAX_ENTRIES = 10_000;
/** How often, in ms of its clock, the default cache looks through all its entries for expired ones. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The default {@link TokenCache}: a Map in this process, bounded. It drops an entry once its `ttlMs`
 * has passed (all expired entries at most a minute later, as it is used), and past `maxEntries` the
 * least recently used one, so an app acting for many members holds at most that many tokens.
 */
export class MemoryTokenCache implements TokenCache {
  readonly #entries = new Map<string, { token: CachedToken; expiresAt: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;
  #nextSweepAt = Number.NEGATIVE_INFINITY;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.#maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#now = options.now ?? Date.now;
  }

  /** Returns the live entry for `key`, if any, and marks it as recently used. */
  get(key: string): CachedToken | undefined {
    const now = this.#now();
    if (now >= this.#nextSweepAt) this.#sweep(now);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= now) return undefined;
    this.#entries.set(key, entry);
    return entry.token;
  }

  /** Stores `token` under `key` until `ttlMs` has passed (without one, until it is replaced or evicted). */
  set(key: string, token: CachedToken, ttlMs: number | undefined): void {
    this.#entries.delete(key);
    const now = this.#now();
    if (now >= this.#nextSweepAt) this.#sweep(now);
    this.#entries.set(key, { token, expiresAt: ttlMs === undefined ? Number.POSITIVE_INFINITY : now + ttlMs });
    // The least recently used end holds the entries that expire first: drop the expired ones there, then any over the bound.
    for (const [oldest, entry] of this.#entries) {
      if (entry.expiresAt > now && this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  /** Forgets the entry for `key`. */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries.clear();
  }

  /** Drops every expired entry: entries used again and again sit at the recent end, so expiry order is not use order. */
  #sweep(now: number): void {
    this.#nextSweepAt = now + SWEEP_INTERVAL_MS;
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }

  /** How many entries are held (expired ones included until they are read or evicted). */
  get size(): number {
    return this.#entries.size;
  }
}
