import { TribeError, TribeNetworkError, TribeRateLimitError } from '../errors.js';
import type { RetryPolicy } from '../options/call-options.js';

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
