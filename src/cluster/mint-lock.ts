import type { TokenCache } from '../auth/token-cache.js';

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

/** Whether a token cache also offers the mint lock. */
export function hasMintLock(cache: TokenCache): cache is SharedTokenCache {
  const candidate = cache as Partial<TokenMintLock>;
  return typeof candidate.acquireMintLock === 'function' && typeof candidate.releaseMintLock === 'function';
}
