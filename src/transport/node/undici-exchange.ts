import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { exchangeFailure } from '../deadline.js';
import type { HttpExchange, HttpExchangeResponse, RuntimeTransport, TransportSettings } from '../exchange.js';
import { ACCEPTED_ENCODINGS } from './decode-body.js';
import { readUndiciBody } from './undici-body.js';
import { redirectTarget } from '../redirects.js';
import { expectManyListeners, startEmitterDeadline } from './emitter-deadline.js';

/** The pools of one-off mints and token requests, one per distinct setting, kept for the process. */
const sharedDispatchers = new Map<string, Dispatcher>();
/** How many distinct shared pools are kept; past that the oldest is closed once idle. */
const MAX_SHARED_DISPATCHERS = 8;

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
          const text = await readUndiciBody(response, exchange.maxResponseBytes);
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

/** A keep-alive pool of at most `maxConnections` per origin, through the proxy when one is set (a CONNECT tunnel, also for http). */
function createDispatcher(settings: TransportSettings): Dispatcher {
  const { maxConnections: connections, proxy } = settings;
  return proxy ? new ProxyAgent({ uri: proxy.uri, token: proxy.authorization, connections }) : new Agent({ connections });
}

/** The process's pool for these settings, shared by one-off mints and token requests. */
function sharedDispatcher(settings: TransportSettings): Dispatcher {
  const key = JSON.stringify([settings.maxConnections, settings.proxy?.uri, settings.proxy?.authorization]);
  let dispatcher = sharedDispatchers.get(key);
  if (dispatcher === undefined) {
    if (sharedDispatchers.size >= MAX_SHARED_DISPATCHERS) {
      const [oldestKey, oldest] = sharedDispatchers.entries().next().value!;
      sharedDispatchers.delete(oldestKey);
      void oldest.close().catch(() => undefined);
    }
    sharedDispatchers.set(key, (dispatcher = createDispatcher(settings)));
  }
  return dispatcher;
}

/**
 * The transport of the `node` condition: undici on a keep-alive pool. An `own` pool belongs to one
 * client, whose `close()` ends its sockets and the requests in flight; otherwise the pool is the
 * process's shared one for the same settings (one-off mints and token requests).
 */
export const runtimeTransport: RuntimeTransport = {
  createDefaultExchange(settings: TransportSettings, own: boolean): HttpExchange {
    if (!own) return createUndiciExchange(sharedDispatcher(settings));
    const dispatcher = createDispatcher(settings);
    return Object.assign(createUndiciExchange(dispatcher), { close: () => void dispatcher.destroy().catch(() => undefined) });
  },
  expectManyListeners,
};
