import type { TokenStorage } from '../auth/token-cache.js';
import { MemoryTokenCache } from '../auth/token-cache.js';
import type { TokenStore } from '../auth/token-source.js';
import { FallbackTokenCache } from '../cluster/fallback-token-cache.js';
import { mintOnceInCluster } from '../cluster/shared-mint.js';

/** A client's token store, and the cache it owns (emptied by `close()`) when the app gave none. */
export interface ClientTokenStore {
  store: TokenStore;
  own: MemoryTokenCache | undefined;
}

/**
 * Builds the token store from the storage decided by the options: a shared cache is wrapped so that
 * calls go on with local tokens while it fails, and gets the cluster's mint-once strategy.
 */
export function createTokenStore(storage: TokenStorage, now: () => number, onFallbackChange: (fallback: boolean) => void): ClientTokenStore {
  if (storage.kind === 'local') return { store: { kind: 'local', cache: storage.cache }, own: undefined };
  if (storage.kind === 'own') {
    const own = new MemoryTokenCache({ now });
    return { store: { kind: 'local', cache: own }, own };
  }
  const cache = new FallbackTokenCache(storage.cache, onFallbackChange, now);
  return { store: { kind: 'shared', cache, mintInCluster: (request) => mintOnceInCluster({ ...request, cache }) }, own: undefined };
}
