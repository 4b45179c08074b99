import { MemoryTokenCache, type CachedToken, type SharedTokenCache } from '../auth/token-cache.js';

/** How long the local cache stands in after the shared one failed, before the shared one is tried again. */
const RETRY_SHARED_AFTER_MS = 5_000;
/** The holder value of the local stand-in's lock: in one process, the single flight already mints once. */
const LOCAL_HOLDER = 'local';

/**
 * A shared token cache that keeps calls going when it fails: on the first error it reports the
 * change (`onFallbackChange(true)`) and serves from a cache in this process, without a lock, for a
 * few seconds, then tries the shared one again (`onFallbackChange(false)` once it answers). The local
 * cache mirrors what the shared one last answered, so a token this process read from it (not only one
 * it minted) outlives an outage without a mint. What it stores while local stays local.
 */
export class FallbackTokenCache implements SharedTokenCache {
  readonly #shared: SharedTokenCache;
  readonly #local: MemoryTokenCache;
  readonly #onFallbackChange: (fallback: boolean) => void;
  readonly #now: () => number;
  #localUntil = 0;
  #fallenBack = false;

  constructor(shared: SharedTokenCache, onFallbackChange: (fallback: boolean) => void, now: () => number = Date.now) {
    this.#shared = shared;
    this.#onFallbackChange = onFallbackChange;
    this.#local = new MemoryTokenCache({ now });
    this.#now = now;
  }

  /** The shared entry (kept locally too), or the local one while the shared cache is out. */
  get(key: string): Promise<CachedToken | undefined> {
    return this.#either(
      async (shared) => {
        const found = await shared.get(key);
        if (found) this.#local.set(key, found, found.expiresAt === undefined ? undefined : found.expiresAt - this.#now());
        else this.#local.delete(key);
        return found;
      },
      (local) => local.get(key),
    );
  }

  /** Stores in the shared cache (and locally), or locally only while it is out. */
  set(key: string, token: CachedToken, ttlMs: number | undefined): Promise<void> {
    return this.#either(
      async (shared) => {
        await shared.set(key, token, ttlMs);
        this.#local.set(key, token, ttlMs);
      },
      (local) => local.set(key, token, ttlMs),
    );
  }

  /** Forgets the entry where it is kept now, and locally. */
  delete(key: string): Promise<void> {
    return this.#either(
      async (shared) => {
        this.#local.delete(key);
        await shared.delete(key);
      },
      (local) => local.delete(key),
    );
  }

  /** The shared lock, or at once a local one while the shared cache is out. */
  acquireMintLock(key: string, ttlMs: number): Promise<string | undefined> {
    return this.#either(
      (shared) => shared.acquireMintLock(key, ttlMs),
      () => LOCAL_HOLDER,
    );
  }

  /** Releases a shared lock; a local one needs nothing. */
  async releaseMintLock(key: string, holder: string): Promise<void> {
    if (holder !== LOCAL_HOLDER) await this.#shared.releaseMintLock(key, holder);
  }

  async #either<T>(shared: (cache: SharedTokenCache) => T | Promise<T>, local: (cache: MemoryTokenCache) => T): Promise<T> {
    if (this.#now() >= this.#localUntil) {
      try {
        const result = await shared(this.#shared);
        if (this.#fallenBack) this.#onFallbackChange(false);
        this.#fallenBack = false;
        return result;
      } catch {
        if (!this.#fallenBack) this.#onFallbackChange(true);
        this.#fallenBack = true;
        this.#localUntil = this.#now() + RETRY_SHARED_AFTER_MS;
      }
    }
    return local(this.#local);
  }
}
