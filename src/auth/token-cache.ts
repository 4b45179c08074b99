import type { AccessToken } from './access-token.js';

/** A token as the cache keeps it: with the time it was minted, to judge how early to refresh it. */
export interface CachedToken extends AccessToken {
  mintedAt: number;
}

/**
 * Where tokens are kept between calls. Methods may be sync or async, so that several processes can
 * share tokens through Redis or the like. `ttlMs` is how long the entry is worth keeping, when known.
 */
export interface TokenCache {
  /** Returns the token stored under `key`, or undefined when there is none. */
  get(key: string): CachedToken | undefined | Promise<CachedToken | undefined>;
  /** Stores `token` under `key`; `ttlMs`, when known, is how long the entry is worth keeping. */
  set(key: string, token: CachedToken, ttlMs: number | undefined): void | Promise<void>;
  /** Forgets the token under `key`. */
  delete(key: string): void | Promise<void>;
}

/** The default {@link TokenCache}: a Map in this process. */
export class MemoryTokenCache implements TokenCache {
  readonly #entries = new Map<string, CachedToken>();

  /** Returns the entry for `key`, if any. */
  get(key: string): CachedToken | undefined {
    return this.#entries.get(key);
  }

  /** Stores `token` under `key`; expiry is judged on read, so `ttlMs` is not needed here. */
  set(key: string, token: CachedToken): void {
    this.#entries.set(key, token);
  }

  /** Forgets the entry for `key`. */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries.clear();
  }
}
