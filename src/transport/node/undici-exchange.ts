import { Agent, request, type Dispatcher } from 'undici';
import { exchangeFailure } from '../deadline.js';
import type { HttpExchange, HttpExchangeResponse } from '../exchange.js';
import { ACCEPTED_ENCODINGS, decodeBody } from './decode-body.js';
import { startEmitterDeadline } from './emitter-deadline.js';

/** How many 307/308 redirects to the same origin are followed before the redirect is the answer. */
export const MAX_SAME_ORIGIN_REDIRECTS = 3;

let sharedDispatcher: Dispatcher | undefined;

/** One keep-alive connection pool per process, shared by every client of the node entry. */
function defaultDispatcher(): Dispatcher {
  sharedDispatcher ??= new Agent();
  return sharedDispatcher;
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/** The redirect target to follow, or undefined when the answer stands as it is. */
function redirectTarget(status: number, location: unknown, from: string, redirects: number): string | undefined {
  if ((status !== 307 && status !== 308) || typeof location !== 'string' || redirects >= MAX_SAME_ORIGIN_REDIRECTS) return undefined;
  const target = new URL(location, from);
  return target.origin === new URL(from).origin ? target.href : undefined;
}

/**
 * The Node exchange: undici's `request` on a keep-alive pool, several times cheaper per request than
 * Node's `fetch`. Redirects: only 307/308 to the same origin, at most {@link MAX_SAME_ORIGIN_REDIRECTS},
 * re-sending the same POST; any other redirect is returned as the answer (and becomes an error), so
 * a bearer token never follows a redirect to another host.
 */
export function createUndiciExchange(dispatcher: Dispatcher = defaultDispatcher()): HttpExchange {
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
          const encoding = response.headers['content-encoding'];
          const text = encoding === undefined ? await response.body.text() : await decodeBody(Buffer.from(await response.body.arrayBuffer()), encoding);
          return { status: response.statusCode, text, headers: () => toHeaders(response.headers) };
        }
        await response.body.dump();
        url = next;
      }
    } catch (error) {
      throw exchangeFailure(error, exchange.signal, deadline.timedOut, exchange.timeoutMs);
    } finally {
      deadline.clear();
    }
  };
}

/** The exchange of the `node` condition: undici on the shared keep-alive pool. */
export const createDefaultExchange = (): HttpExchange => createUndiciExchange();
