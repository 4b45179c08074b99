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

/** A forward proxy: its origin, and the `Proxy-Authorization` value made from the credentials of its URL. */
export interface ProxySettings {
  uri: string;
  authorization: string | undefined;
  /** The password and the header value, for the scrubber: neither may appear in a message. */
  secrets: readonly string[];
}

/** The transport's settings, validated and defaulted once by the options layer. */
export interface TransportSettings {
  fetch: typeof fetch | undefined;
  /** The most requests in flight at once, and on Node the connections per origin of the pool. */
  maxConnections: number;
  proxy: ProxySettings | undefined;
}

/** The contract of every per-runtime module behind `#default-exchange` (each declares its export against it). */
export interface RuntimeTransport {
  /** The runtime's default exchange; an `own` one belongs to one client, whose `close()` ends its connections. */
  createDefaultExchange(settings: TransportSettings, own: boolean): HttpExchange;
  /** Tells the runtime that a client's shared signal has one listener per call in flight (Node warns past 10 otherwise). */
  expectManyListeners(signal: AbortSignal): void;
}
