import type { TribeError } from '../errors.js';
import type { TribeEventListener } from '../events.js';
import type { RetryPolicy } from '../options/call-options.js';
import { retryDelayMs } from './retry-policy.js';
import { sleep } from './sleep.js';

/** What the retry loop needs to know about one call. */
export interface RetryContext {
  operationName: string;
  isMutation: boolean;
  policy: RetryPolicy;
  signal: AbortSignal | undefined;
  onEvent: TribeEventListener | undefined;
  toError: (raw: unknown) => TribeError;
}

/** Runs `attempt` until it succeeds or the policy says stop; throws the last error, typed. */
export async function runWithRetries<T>(attempt: () => Promise<T>, context: RetryContext): Promise<T> {
  try {
    return await attempt();
  } catch (raw) {
    return retryAfterFailure(raw, attempt, context);
  }
}

/**
 * Goes on after a first attempt failed with `raw`: waits as the policy says and runs `attempt` again,
 * until it succeeds or the policy says stop. Kept apart so a call's first attempt needs no extra frame.
 */
export async function retryAfterFailure<T>(raw: unknown, attempt: () => Promise<T>, context: RetryContext): Promise<T> {
  for (let retry = 1; ; retry++) {
    const error = context.toError(raw);
    const delayMs = retryDelayMs(error, retry, context.isMutation, context.policy);
    if (delayMs === undefined) throw error;
    context.onEvent?.({ type: 'retry', operationName: context.operationName, retry, delayMs, errorCode: error.code, status: error.status });
    await sleep(delayMs, context.signal);
    try {
      return await attempt();
    } catch (next) {
      raw = next;
    }
  }
}
