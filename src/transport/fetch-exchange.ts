import { withDeadline } from './deadline.js';
import type { HttpExchange } from './exchange.js';

/**
 * The universal exchange: the Fetch API of any runtime (browsers, Deno, Bun, workers, Node). `fetch`
 * defaults to the global one, looked up per call so that polyfills installed later are used.
 * Redirects follow the runtime's fetch rules.
 */
export function createFetchExchange(fetchImpl?: typeof fetch): HttpExchange {
  return (request) =>
    withDeadline(request.signal, request.timeoutMs, async (signal) => {
      const response = await (fetchImpl ?? globalThis.fetch)(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal,
      });
      // Reading as text keeps the body read under the same deadline, without copying it into a new Response.
      const text = await response.text();
      return { status: response.status, text, headers: () => response.headers };
    });
}

/** The exchange of entries without a faster transport: the runtime's own fetch. */
export const createDefaultExchange = (): HttpExchange => createFetchExchange();
