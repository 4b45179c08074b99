/** One GraphQL POST, with its headers already lower-cased and the body already serialised. */
export interface HttpExchangeRequest {
  url: string;
  /** Lower-cased; the exchange may add to this object (it is made for this request), never to a shared one. */
  headers: Record<string, string>;
  body: string;
  /** The caller's signal (already combined with the client's); the exchange adds the timeout. */
  signal: AbortSignal | undefined;
  /** How long the whole exchange may take, from sending to the last byte of the answer. */
  timeoutMs: number;
  /** The largest answer read, in bytes, on the wire and again after decompression. */
  maxResponseBytes: number;
  /** Removes the client's secrets from a runtime message before it is copied into an error. */
  scrub: (text: string) => string;
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
 * Sends one request and reads the whole answer. Fails only with `TribeTimeoutError`,
 * `TribeAbortError` or `TribeNetworkError`; an HTTP error status is an answer, not a failure.
 */
export type HttpExchange = ((request: HttpExchangeRequest) => Promise<HttpExchangeResponse>) & {
  /** Ends the exchange's own connection pool, when it has one: its sockets close and requests in flight fail. */
  close?: () => void;
};
