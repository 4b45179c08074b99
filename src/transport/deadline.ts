import { abortError } from '../abort.js';
import { TribeError, TribeNetworkError, TribeTimeoutError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { capText } from '../scrub.js';
import { combineSignals } from '../combine-signals.js';

/** Turns whatever a failed exchange threw into the typed failure that explains it: abort, timeout or network. */
export function exchangeFailure(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  timedOut: boolean,
  timeoutMs: number,
  scrub: (text: string) => string,
): TribeError {
  if (callerSignal?.aborted) return abortError(callerSignal);
  if (timedOut) return new TribeTimeoutError(MESSAGES.timeout(timeoutMs), { timeoutMs });
  if (error instanceof TribeError) return error;
  // The runtime's message may quote the URL or a header value: scrubbed, and without the cause when it held a secret.
  const raw = error instanceof Error ? error.message : String(error);
  const reason = capText(scrub(raw), 500);
  return new TribeNetworkError(MESSAGES.noAnswer(reason), reason === raw ? { cause: error } : {});
}

/**
 * Runs `exchange` with a signal that fires on the caller's abort or after `timeoutMs`, and turns
 * whatever it throws into the typed failure that explains it.
 */
export async function withDeadline<T>(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
  scrub: (text: string) => string,
  exchange: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const combined = callerSignal ? combineSignals([callerSignal, timeout.signal]) : undefined;
  const signal = combined?.signal ?? timeout.signal;
  try {
    return await exchange(signal);
  } catch (error) {
    throw exchangeFailure(error, callerSignal, timeout.signal.aborted, timeoutMs, scrub);
  } finally {
    clearTimeout(timer);
    combined?.release();
  }
}
