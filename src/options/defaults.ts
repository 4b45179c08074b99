/** Every default of every option, defined once. */
export const DEFAULTS = {
  /** Per-attempt timeout, in ms. */
  timeoutMs: 30_000,
  /** Retries after the first attempt. */
  maxRetries: 2,
  /** The longest single wait between two attempts, in ms. */
  maxDelayMs: 30_000,
  /** The first backoff step for 502, 503, 504 and network errors, in ms; it doubles per attempt, with jitter. */
  baseDelayMs: 200,
  /** How long before a token's `exp` it is refreshed, in ms. */
  refreshMarginMs: 60_000,
  /** Mutations are not retried: a retried `createPost` could post twice. */
  retryMutations: false,
  /** The largest answer read, in bytes, on the wire and again after decompression: 16 MiB. */
  maxResponseBytes: 16 * 1024 * 1024,
  /** Connections per origin in a client's own pool (the Node transport). */
  maxConnections: 64,
} as const;

/** The longest delay timers can wait: a larger one fires at once (Node clamps it to 1 ms). */
export const MAX_TIMER_MS = 2_147_483_647;
