import { TribeAbortError } from './errors.js';
import { MESSAGES } from './messages.js';

/** The error of a call whose signal fired, wherever it was waiting. */
export function abortError(signal: AbortSignal | undefined): TribeAbortError {
  return new TribeAbortError(MESSAGES.aborted, { cause: signal?.reason });
}

/** Throws {@link abortError} when the signal has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}
