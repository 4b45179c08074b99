import { TribeAbortError, TribeNetworkError, TribeTimeoutError } from '../errors.js';
import { scrubUrlCredentials } from '../redact.js';

/** One GraphQL POST, with its headers already lower-cased and the body already serialized. */
export interface HttpExchangeRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The caller's signal (already combined with the SDK's); the exchange adds the timeout. */
  signal: AbortSignal | undefined;
  /** How long the whole exchange may take, from sending to the last byte of the answer. */
  timeoutMs: number;
}

/** A whole answer, read under the timeout. */
export interface HttpExchangeResponse {
  status: number;
  /** The answer's body as text (decoded from gzip, deflate or br when the server compressed it). */
  text: string;
  /** The answer's headers; built on demand, because only error mapping reads them. */
  headers: () => Headers;
}

/**
 * Sends one request and reads the whole answer. Fails only with {@link TribeTimeoutError},
 * {@link TribeAbortError} or {@link TribeNetworkError}; an HTTP error status is an answer, not a failure.
 */
export type HttpExchange = (request: HttpExchangeRequest) => Promise<HttpExchangeResponse>;

/** Turns whatever a failed exchange threw into the typed failure that explains it: abort, timeout or network. */
export function exchangeFailure(error: unknown, callerSignal: AbortSignal | undefined, timedOut: boolean, timeoutMs: number): Error {
  if (callerSignal?.aborted) return new TribeAbortError('tribe-sdk: the request was aborted', { cause: callerSignal.reason });
  if (timedOut) return new TribeTimeoutError(`tribe-sdk: no complete answer within ${timeoutMs} ms`, timeoutMs);
  if (error instanceof TribeNetworkError) return error;
  // The runtime's message may quote the URL; one written with credentials must not show them.
  const raw = error instanceof Error ? error.message : String(error);
  const reason = scrubUrlCredentials(raw);
  return new TribeNetworkError(`tribe-sdk: the request failed before an answer arrived (${reason})`, reason === raw ? { cause: error } : {});
}

/**
 * Runs `exchange` with a signal that fires on the caller's abort or after `timeoutMs`, and turns
 * whatever it throws into the typed failure that explains it.
 */
export async function withDeadline<T>(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
  exchange: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
  try {
    return await exchange(signal);
  } catch (error) {
    throw exchangeFailure(error, callerSignal, timeout.signal.aborted, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
