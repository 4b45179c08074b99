import { TribeAbortError } from './errors.js';
import { MESSAGES } from './messages.js';

/** The error of a call whose signal fired, wherever it was waiting; a signal fired with a TribeAbortError (close()) gives that one. */
export function abortError(signal: AbortSignal | undefined): TribeAbortError {
  const reason: unknown = signal?.reason;
  return reason instanceof TribeAbortError ? reason : new TribeAbortError(MESSAGES.aborted, { cause: reason });
}

/** Throws {@link abortError} when the signal has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}
