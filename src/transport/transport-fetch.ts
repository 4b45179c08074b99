import { SDK_NAME, SDK_VERSION } from '../constants.js';
import { TribeAbortError, TribeNetworkError, TribeTimeoutError } from '../errors.js';

/** A fetch function as graphql-request calls it. */
export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Options of {@link createTransportFetch}. */
export interface TransportFetchOptions {
  /** The fetch to call; defaults to the global one, looked up per call so test doubles and polyfills work. */
  fetch?: typeof fetch | undefined;
  /** How long one attempt may take, from sending to the last byte of the answer. */
  timeoutMs: number;
  /** Where requests go instead of the URL graphql-request was built with (the minted `gatewayUrl`). */
  route?: (url: string) => string;
}

const USER_AGENT = `${SDK_NAME}/${SDK_VERSION}`;

function toHeaderRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, key) => {
    record[key] = value;
  });
  if (!('user-agent' in record)) record['user-agent'] = USER_AGENT;
  // A caller's own `Authorization` header (in any letter case) is merged with the SDK's into one
  // comma-joined value; the SDK's is always merged last, and credentials never contain ", ".
  if (record.authorization?.includes(', ')) record.authorization = record.authorization.split(', ').at(-1)!;
  return record;
}

/**
 * Wraps fetch so that each attempt has a timeout, reads the whole answer under that timeout, and
 * fails only with typed errors: {@link TribeTimeoutError}, {@link TribeAbortError} or {@link TribeNetworkError}.
 */
export function createTransportFetch(options: TransportFetchOptions): FetchLike {
  return async (input, init = {}) => {
    const callerSignal = init.signal ?? undefined;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
    const target = input instanceof Request ? input.url : String(input);
    const url = options.route ? options.route(target) : target;
    try {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      const response = await fetchImpl(url, { ...init, headers: toHeaderRecord(init.headers), signal });
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      if (callerSignal?.aborted) throw new TribeAbortError('tribe-sdk: the request was aborted', { cause: callerSignal.reason });
      if (timeout.signal.aborted) {
        throw new TribeTimeoutError(`tribe-sdk: no complete answer within ${options.timeoutMs} ms`, options.timeoutMs);
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new TribeNetworkError(`tribe-sdk: the request failed before an answer arrived (${reason})`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };
}
