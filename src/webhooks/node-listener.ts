import type { WebhookHandler } from './handler.js';

/** The parts of Node's `IncomingMessage` (and Express's request) the adapter reads. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string;
  url?: string;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Set by a body parser that ran first: raw bytes (`express.raw()`) work, a parsed object cannot be verified. */
  body?: unknown;
}

/** The parts of Node's `ServerResponse` (and Express's response) the adapter writes. */
export interface NodeResponseLike {
  statusCode: number;
  /** Sets one response header. */
  setHeader(name: string, value: string): unknown;
  /** Sends the body and ends the response. */
  end(body?: Uint8Array | string): unknown;
}

/** A `node:http` request listener, also usable as Express middleware. */
export type NodeWebhookListener = (request: NodeRequestLike, response: NodeResponseLike) => Promise<void>;

const encoder = new TextEncoder();

/** The request body as a web stream, read only as far as the handler reads it; `complete` says whether it was read to its end. */
function bodyStream(request: NodeRequestLike): { stream: ReadableStream<Uint8Array>; read: { complete: boolean } } {
  const chunks = request[Symbol.asyncIterator]();
  const read = { complete: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) {
            read.complete = true;
            controller.close();
          } else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
        } catch (error) {
          // A lost connection ('aborted') reaches the handler as a body it cannot read, never as a rejection here.
          controller.error(error);
        }
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, read };
}

// Undici's Request takes a stream body only with `duplex: 'half'`, which TypeScript's DOM types do not list.
type StreamingRequestInit = RequestInit & { duplex?: 'half' };

// Express 4 sets an empty object when no parser ran; anything else there means the raw bytes are gone.
function wasParsed(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Object.keys(body).length > 0;
}

const PARSED_BODY = {
  status: 'FAILED',
  errorCode: 'APP_ERROR',
  errorMessage: 'tribe-sdk: the body was parsed before the webhook handler; mount it before express.json() or after express.raw()',
};

function headersOf(request: NodeRequestLike): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  return headers;
}

/** The web request for a Node request; one the runtime cannot express (an odd URL or header) becomes a request whose body fails, which the handler refuses and reports. */
function webRequestOf(request: NodeRequestLike, body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | undefined): Request {
  const method = request.method ?? 'POST';
  try {
    const init: StreamingRequestInit = { method, headers: headersOf(request), body, duplex: 'half' };
    return new Request(new URL(request.url ?? '/', 'http://localhost'), init);
  } catch (error) {
    const failing = new ReadableStream<Uint8Array>({ start: (controller) => controller.error(error) });
    return new Request('http://localhost/', { method: 'POST', body: failing, duplex: 'half' } as StreamingRequestInit);
  }
}

/**
 * Adapts a {@link WebhookHandler} to `node:http` and Express (`app.post('/webhook', toNodeListener(handler))`),
 * with web-standard code only. Mount it before any JSON body parser, or after `express.raw({ type: '*\/*' })`.
 * The body is streamed to the handler, which applies its size limit and deadline; the returned promise never
 * rejects, even when the client goes away mid-request.
 */
export function toNodeListener(handler: WebhookHandler): NodeWebhookListener {
  return async (request, response) => {
    try {
      let body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | undefined;
      let read = { complete: true };
      if (request.body instanceof Uint8Array) body = new Uint8Array(request.body);
      else if (typeof request.body === 'string') body = encoder.encode(request.body);
      else if (wasParsed(request.body)) {
        response.statusCode = 500;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(PARSED_BODY));
        return;
      } else if (request.method !== 'GET' && request.method !== 'HEAD') ({ stream: body, read } = bodyStream(request));
      const answer = await handler(webRequestOf(request, body));
      response.statusCode = answer.status;
      answer.headers.forEach((value, name) => void response.setHeader(name, value));
      // Refused before its end (too large, too slow): the rest of the body is not waited for.
      if (!read.complete) response.setHeader('connection', 'close');
      response.end(new Uint8Array(await answer.arrayBuffer()));
    } catch {
      // Only writing to a response whose client is gone can fail here; there is no one left to answer.
    }
  };
}
