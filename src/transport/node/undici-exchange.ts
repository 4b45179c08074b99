import { Agent, request, type Dispatcher } from 'undici';
import { exchangeFailure } from '../deadline.js';
import type { HttpExchange, HttpExchangeResponse } from '../exchange.js';
import { ACCEPTED_ENCODINGS } from './decode-body.js';
import { readBoundedBody } from './read-body.js';
import { redirectTarget } from '../redirects.js';
import { startEmitterDeadline } from './emitter-deadline.js';

export { expectManyListeners } from './emitter-deadline.js';

let sharedDispatcher: Dispatcher | undefined;

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/**
 * The Node exchange: undici's `request` on a keep-alive pool, several times cheaper per request than
 * Node's `fetch`. Redirects: only 307/308 to the same origin, at most MAX_SAME_ORIGIN_REDIRECTS (redirects.ts),
 * re-sending the same POST; any other redirect is returned as the answer (and becomes an error), so
 * a bearer token never follows a redirect to another host.
 */
export function createUndiciExchange(dispatcher: Dispatcher): HttpExchange {
  return async (exchange): Promise<HttpExchangeResponse> => {
    const deadline = startEmitterDeadline(exchange.signal, exchange.timeoutMs);
    // The exchange owns the headers object of its request: adding the encodings here saves a copy per request.
    const { headers } = exchange;
    headers['accept-encoding'] ??= ACCEPTED_ENCODINGS;
    try {
      let url = exchange.url;
      for (let redirects = 0; ; redirects++) {
        const response = await request(url, { method: 'POST', headers, body: exchange.body, signal: deadline.signal, dispatcher });
        const next = redirectTarget(response.statusCode, response.headers.location, url, redirects);
        if (next === undefined) {
          const text = await readBoundedBody(response, exchange.maxResponseBytes);
          return { status: response.statusCode, text, headers: () => toHeaders(response.headers) };
        }
        await response.body.dump();
        url = next;
      }
    } catch (error) {
      throw exchangeFailure(error, exchange.signal, deadline.timedOut, exchange.timeoutMs, exchange.scrub);
    } finally {
      deadline.clear();
    }
  };
}

/**
 * The exchange of the `node` condition: undici on a keep-alive pool of at most `maxConnections` per
 * origin. An `own` pool belongs to one client, whose `close()` ends its sockets and the requests in
 * flight; otherwise the pool is the process's shared one (for one-off mints and token requests).
 */
export function createDefaultExchange(pool: { maxConnections: number; own: boolean }): HttpExchange {
  if (!pool.own) return createUndiciExchange((sharedDispatcher ??= new Agent({ connections: pool.maxConnections })));
  const agent = new Agent({ connections: pool.maxConnections });
  return Object.assign(createUndiciExchange(agent), { close: () => void agent.destroy().catch(() => undefined) });
}
