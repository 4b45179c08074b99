import type { Dispatcher } from 'undici';
import { TribeAbortError, TribeTimeoutError } from '../../errors.js';
import { MESSAGES } from '../../messages.js';
import { declaredLength, tooLarge } from '../bounded-text.js';
import { exchangeFailure } from '../deadline.js';
import type { HttpExchange, HttpExchangeRequest, HttpExchangeResponse } from '../exchange.js';
import { redirectTarget } from '../redirects.js';
import { ACCEPTED_ENCODINGS, decodeBody } from './decode-body.js';
import { DeadlineWheel } from './deadline-wheel.js';
import { watchSignal } from './signal-watch.js';

type RawHeaders = Record<string, string | string[] | undefined>;

/** A URL split the way undici's dispatch takes it; remembered per URL (a client talks to few). */
const targets = new Map<string, { origin: string; path: string }>();

function targetOf(url: string): { origin: string; path: string } {
  let target = targets.get(url);
  if (target === undefined) {
    const parsed = new URL(url);
    target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    if (targets.size >= 64) targets.clear();
    targets.set(url, target);
  }
  return target;
}

function toHeaders(raw: RawHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/**
 * One request on its way: undici's handler for it (the SDK's own: a bounded body read, no stream),
 * and the entry the client's deadline wheel and the caller's signal end it through.
 */
class InFlight implements Dispatcher.DispatchHandler {
  readonly deadlineAt: number;
  #controller: Dispatcher.DispatchController | undefined;
  #status = 0;
  #headers: RawHeaders = {};
  #chunks: Buffer[] = [];
  #length = 0;
  /** Why this side ended the request, when it did: the error the caller gets. */
  #failure: unknown;
  timedOut = false;
  #settled = false;

  constructor(
    readonly request: HttpExchangeRequest,
    readonly url: string,
    readonly redirects: number,
    readonly resolve: (response: { status: number; headers: RawHeaders; body: Buffer }) => void,
    readonly reject: (error: unknown) => void,
    deadlineAt: number,
  ) {
    this.deadlineAt = deadlineAt;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#failure !== undefined) controller.abort(this.#failure as Error);
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: RawHeaders): void {
    if (statusCode < 200) return;
    this.#status = statusCode;
    this.#headers = headers;
    const raw = headers['content-length'];
    const length = declaredLength(Array.isArray(raw) ? raw[0] : raw);
    if (length !== undefined && length > this.request.maxResponseBytes) this.fail(tooLarge(this.request.maxResponseBytes, statusCode));
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    this.#length += chunk.length;
    if (this.#length > this.request.maxResponseBytes) this.fail(tooLarge(this.request.maxResponseBytes, this.#status));
    else this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    this.#settled = true;
    const body = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#length);
    this.resolve({ status: this.#status, headers: this.#headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#settled) return;
    this.#settled = true;
    this.reject(this.#failure ?? error);
  }

  /** Ends the request with `error`: at once for the caller, and on the wire as soon as undici lets it. */
  fail(error: unknown): void {
    if (this.#failure !== undefined) return;
    this.#failure = error;
    if (!this.#settled) {
      this.#settled = true;
      this.reject(error);
    }
    this.#controller?.abort(error as Error);
  }

  timeOut(): void {
    this.timedOut = true;
    this.fail(new TribeTimeoutError(MESSAGES.timeout(this.request.timeoutMs), { timeoutMs: this.request.timeoutMs }));
  }

  /** Ends it for its caller's signal or `close()`; the error mapping turns this into the abort the caller sees. */
  abort(reason: unknown): void {
    this.fail(reason instanceof Error ? reason : new TribeAbortError(MESSAGES.aborted, { cause: reason }));
  }
}

/**
 * The Node exchange: undici's `dispatch` with the SDK's own handler, on a keep-alive pool. Per request
 * there is no timer, no listener and no stream: one deadline wheel per exchange (client) times requests
 * out, the caller's signal reaches them through one listener per signal, and `close()` ends the pool
 * and every request in flight. Redirects: only 307/308 to the same origin, at most
 * MAX_SAME_ORIGIN_REDIRECTS (redirects.ts), re-sending the same POST; any other redirect is the answer
 * (and becomes an error), so a bearer token never follows a redirect to another host. Only an
 * `owned` dispatcher is destroyed by `close()`; a shared one outlives its exchanges.
 */
export function createDispatchExchange(dispatcher: Dispatcher, owned: boolean): HttpExchange {
  const wheel = new DeadlineWheel<InFlight>();

  const attempt = (request: HttpExchangeRequest, url: string, redirects: number, deadlineAt: number): Promise<HttpExchangeResponse> =>
    new Promise<{ status: number; headers: RawHeaders; body: Buffer; inFlight: InFlight }>((resolve, reject) => {
      let untie: (() => void) | undefined;
      const finish = (): void => {
        wheel.delete(inFlight);
        untie?.();
      };
      const inFlight: InFlight = new InFlight(
        request,
        url,
        redirects,
        (answer) => {
          finish();
          resolve({ ...answer, inFlight });
        },
        (error) => {
          finish();
          reject(exchangeFailure(error, request.signal, inFlight.timedOut, request.timeoutMs, request.scrub));
        },
        deadlineAt,
      );
      const { signal } = request;
      if (signal?.aborted) return inFlight.abort(signal.reason);
      wheel.add(inFlight);
      if (signal) untie = watchSignal(signal, inFlight);
      const { origin, path } = targetOf(url);
      try {
        dispatcher.dispatch(
          { origin, path, method: 'POST', headers: request.headers, body: request.body, headersTimeout: request.timeoutMs, bodyTimeout: request.timeoutMs },
          inFlight,
        );
      } catch (error) {
        inFlight.fail(error);
      }
    }).then(async ({ status, headers, body, inFlight }) => {
      const next = redirectTarget(status, headers.location, url, redirects);
      if (next !== undefined) return attempt(request, next, redirects + 1, deadlineAt);
      const encoding = headers['content-encoding'];
      let text: string;
      try {
        text = encoding === undefined ? body.toString('utf8') : await decodeBody(body, encoding, request.maxResponseBytes, status);
      } catch (error) {
        throw exchangeFailure(error, request.signal, inFlight.timedOut, request.timeoutMs, request.scrub);
      }
      return { status, text, headers: () => toHeaders(headers) };
    });

  const exchange = (request: HttpExchangeRequest): Promise<HttpExchangeResponse> => {
    // The exchange owns the headers object of its request: adding the encodings here saves a copy per request.
    request.headers['accept-encoding'] ??= ACCEPTED_ENCODINGS;
    return attempt(request, request.url, 0, performance.now() + request.timeoutMs);
  };
  if (!owned) return exchange;
  return Object.assign(exchange, {
    close: () => {
      for (const inFlight of wheel.entries()) inFlight.abort(undefined);
      void dispatcher.destroy().catch(() => undefined);
    },
  });
}
