import { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS, DEFAULT_MAX_RETRIES } from '../constants.js';
import { TribeError, TribeNetworkError, TribeRateLimitError } from '../errors.js';

/** How a request is retried; DEFAULT_RETRY_POLICY holds the defaults. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The longest single wait; a longer `Retry-After` ends the retries instead. */
  maxDelayMs: number;
  /** The first backoff step for 502, 503, 504 and network errors. */
  baseDelayMs: number;
  /** Whether mutations are retried too; off, because a retried `createPost` could post twice. */
  retryMutations: boolean;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);

/** Whether an error is worth another attempt of the same request at all. */
export function isRetryable(error: TribeError): boolean {
  if (error instanceof TribeRateLimitError) return true;
  if (!(error instanceof TribeNetworkError)) return false;
  return error.status === undefined || RETRYABLE_STATUS.has(error.status);
}

/**
 * The wait before retry number `retry` (1-based), or undefined when the request must not be retried:
 * not retryable, a mutation without opt-in, retries used up, or a `Retry-After` beyond `maxDelayMs`.
 */
export function retryDelayMs(
  error: TribeError,
  retry: number,
  isMutation: boolean,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (retry > policy.maxRetries || !isRetryable(error)) return undefined;
  if (isMutation && !policy.retryMutations) return undefined;
  if (error instanceof TribeRateLimitError && error.retryAfter !== undefined) {
    const wait = error.retryAfter * 1000;
    return wait <= policy.maxDelayMs ? wait : undefined;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The retry policy used unless options say otherwise. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: DEFAULT_MAX_RETRIES,
  maxDelayMs: DEFAULT_MAX_DELAY_MS,
  baseDelayMs: DEFAULT_BASE_DELAY_MS,
  retryMutations: false,
};
