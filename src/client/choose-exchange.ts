import { createDefaultExchange } from '#default-exchange';

/** Tells the runtime that a client's shared signal has one listener per call in flight (Node warns past 10 otherwise). */
export { expectManyListeners } from '#default-exchange';
import { createFetchExchange } from '../transport/fetch-exchange.js';
import type { HttpExchange } from '../transport/exchange.js';

/**
 * The one place the transport is picked: the caller's `fetch` when given, otherwise the entry's
 * default, which package.json's `imports` map chooses per runtime (undici under `node`, the
 * runtime's fetch under `bun`, `deno` and everywhere else).
 */
export function chooseExchange(fetchImpl: typeof fetch | undefined, pool: { maxConnections: number; own: boolean }): HttpExchange {
  return fetchImpl ? createFetchExchange(fetchImpl) : createDefaultExchange(pool);
}
