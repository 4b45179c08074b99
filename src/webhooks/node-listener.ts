import type { WebhookHandler } from './handler.js';
import { concatBytes } from '../bytes.js';

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

// Reads at most one byte past the limit: enough for the handler to refuse the body as too large.
async function readUpTo(request: NodeRequestLike, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of request) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
    if (length > maxBytes) break;
  }
  return concatBytes(chunks, length);
}

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

/**
 * Adapts a {@link WebhookHandler} to `node:http` and Express (`app.post('/webhook', toNodeListener(handler))`),
 * with web-standard code only. Mount it before any JSON body parser, or after `express.raw({ type: '*\/*' })`.
 */
export function toNodeListener(handler: WebhookHandler): NodeWebhookListener {
  const { maxBodyBytes } = handler;
  return async (request, response) => {
    let body: Uint8Array<ArrayBuffer>;
    if (request.body instanceof Uint8Array) body = new Uint8Array(request.body);
    else if (typeof request.body === 'string') body = encoder.encode(request.body);
    else if (wasParsed(request.body)) {
      response.statusCode = 500;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(PARSED_BODY));
      return;
    } else body = await readUpTo(request, maxBodyBytes);
    const method = request.method ?? 'POST';
    const webRequest = new Request(new URL(request.url ?? '/', 'http://localhost'), {
      method,
      headers: headersOf(request),
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    });
    const answer = await handler(webRequest);
    response.statusCode = answer.status;
    answer.headers.forEach((value, name) => void response.setHeader(name, value));
    response.end(new Uint8Array(await answer.arrayBuffer()));
  };
}
