import type { CachedToken, SharedTokenCache } from '../auth/token-cache.js';
import type { ClusterMintRequest } from '../auth/token-source.js';
import { TribeTimeoutError } from '../errors.js';
import { MESSAGES } from '../messages.js';

/** How one mint is shared between the processes of a cluster: the token source's request and the shared cache. */
export interface SharedMintOptions extends ClusterMintRequest {
  cache: SharedTokenCache;
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
