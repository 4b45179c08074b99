import type { CachedToken } from '../auth/token-cache.js';
import { TribeTimeoutError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import type { SharedTokenCache } from './mint-lock.js';

/** How one mint is shared between the processes of a cluster. */
export interface SharedMintOptions {
  cache: SharedTokenCache;
  key: string;
  /** Mints a token; only the lock holder calls it. */
  mint: () => Promise<CachedToken>;
  /** Whether a token found in the cache is the one wanted (fresh, and not the one being replaced). */
  accepts: (token: CachedToken) => boolean;
  /** How long a holder keeps the lock unless it releases it first: longer than a mint takes. */
  lockTtlMs: number;
  /** How often a waiter looks for the token (and for an expired lock). */
  pollMs: number;
  /** How long a waiter waits in all before it gives up with {@link TribeTimeoutError}. */
  waitLimitMs: number;
  now: () => number;
  /** Stores what this process minted: in the shared cache, before the lock is released. */
  store: (token: CachedToken) => void | Promise<void>;
}

/**
 * Gets the token by one mint for the whole cluster: the process that takes the lock looks once
 * more in the cache, mints if it must, stores the token and releases the lock; the others poll the
 * cache until the token is there, and take the lock themselves if it expires first (its holder
 * died). Resolves with the token and whether this process minted it.
 */
export async function mintOnceInCluster(options: SharedMintOptions): Promise<{ token: CachedToken; minted: boolean }> {
  const { cache, key, now } = options;
  const giveUpAt = now() + options.waitLimitMs;
  for (;;) {
    const holder = await cache.acquireMintLock(key, options.lockTtlMs);
    if (holder !== undefined) {
      try {
        const found = await cache.get(key);
        if (found && options.accepts(found)) return { token: found, minted: false };
        const token = await options.mint();
        await options.store(token);
        return { token, minted: true };
      } finally {
        await cache.releaseMintLock(key, holder).catch(() => undefined);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    const found = await cache.get(key);
    if (found && options.accepts(found)) return { token: found, minted: false };
    if (now() >= giveUpAt) {
      throw new TribeTimeoutError(MESSAGES.mintLockWait(options.waitLimitMs), { timeoutMs: options.waitLimitMs });
    }
  }
}
