import { TribeConfigError, TribeNetworkError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { withDeadline } from './deadline.js';
import type { HttpExchange, RuntimeTransport, TransportSettings } from './exchange.js';
import { InFlightLimit } from './in-flight-limit.js';
import { readBoundedText } from './bounded-text.js';
import { redirectTarget } from './redirects.js';

/**
 * The universal exchange: the Fetch API of any runtime (browsers, Deno, Bun, workers, Node). `fetch`
 * defaults to the global one, looked up per call so that polyfills installed later are used. At most
 * `maxConnections` requests are in flight at once; the fetch decides how connections are reused.
 * Redirects are not left to the runtime: the one rule of `redirects.ts` applies, as on Node.
 */
export function createFetchExchange(fetchImpl: typeof fetch | undefined, maxConnections: number): HttpExchange {
  const limit = new InFlightLimit(maxConnections);
  return (request) =>
    withDeadline(request.signal, request.timeoutMs, request.scrub, async (signal) => {
      const waiting = limit.acquire(signal);
      if (waiting) await waiting;
      try {
        let url = request.url;
        for (let redirects = 0; ; redirects++) {
          const response = await (fetchImpl ?? globalThis.fetch)(url, {
            method: 'POST',
            headers: request.headers,
            body: request.body,
            signal,
            redirect: 'manual',
          });
          // A browser hides a manual redirect's status and target: it cannot be judged, so it is not followed.
          if (response.type === 'opaqueredirect') throw new TribeNetworkError(MESSAGES.redirectRefused(0));
          const next = redirectTarget(response.status, response.headers.get('location'), url, redirects);
          if (next === undefined) {
            // Read under the same deadline, and within the size limit.
            const text = await readBoundedText(response, request.maxResponseBytes);
            return { status: response.status, text, headers: () => response.headers };
          }
          await response.body?.cancel();
          url = next;
        }
      } finally {
        limit.release();
      }
    });
}

/** The transport of runtimes without a faster one: their own fetch, which manages its own connections and proxies. */
export const runtimeTransport: RuntimeTransport = {
  createDefaultExchange(settings: TransportSettings): HttpExchange {
    if (settings.proxy) throw new TribeConfigError(MESSAGES.proxyUnsupported);
    return createFetchExchange(undefined, settings.maxConnections);
  },
  // Runtimes other than Node do not warn about many listeners on one signal: nothing to do.
  expectManyListeners: () => undefined,
};
