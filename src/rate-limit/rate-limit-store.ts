/** What one request costs against a network's burst window. */
export interface RateLimitCost {
  /** Requests: 1 per attempt. */
  requests: number;
  /** Complexity: the estimate before sending; the rest is charged once the answer reports it. */
  complexity: number;
}

/** A store's answer to {@link RateLimitStore.take}. */
export type RateLimitGrant =
  | {
      granted: true;
      fallback?: boolean;
      /** When the window the cost was taken from ends (epoch ms); without it, nothing is given back after the answer. */
      windowEndsAt?: number;
      /** This take opened the window: see {@link RateLimitStore.restartWindow}. */
      firstInWindow?: boolean;
      /** Names the window the cost was taken from, for {@link RateLimitStore.charge} and {@link RateLimitStore.restartWindow} to touch that one only. */
      window?: string;
    }
  | { granted: false; retryInMs: number; fallback?: boolean };

/**
 * Where the budget of each network's burst window is kept: in this process, or shared by every
 * process through Redis (`tribe-sdk/rate-limit` has both). `fallback: true` says that a shared store
 * answered from its local stand-in because the shared one failed.
 */
export interface RateLimitStore {
  /** Takes `cost` from the window of `key` if all of it fits; otherwise says how long until it may. */
  take(key: string, cost: RateLimitCost): Promise<RateLimitGrant>;
  /**
   * Charges `complexity` more to the window of `key` (less when negative), once an answer reported its
   * real cost. Given back in a later window, a negative charge would let that one overrun: with the
   * `window` of the take, the store gives back to that window only; without it (a store that names no
   * windows), it comes only while the window of the take seems to last.
   */
  charge(key: string, complexity: number, window?: string): Promise<void>;
  /**
   * Starts the window of `key` afresh from now, keeping what it counted. Called when the call that
   * opened a window has its answer: the API's window began when that call arrived, later than ours,
   * and ours must not end before the API's does. With `window`, only while that window lasts.
   */
  restartWindow?(key: string, window?: string): Promise<void>;
}

/** Whether a value offers the {@link RateLimitStore} methods. */
export function isRateLimitStore(value: unknown): value is RateLimitStore {
  const candidate = value as Partial<RateLimitStore> | null | undefined;
  return typeof candidate?.take === 'function' && typeof candidate.charge === 'function';
}
