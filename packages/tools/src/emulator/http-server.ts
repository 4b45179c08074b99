import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { YogaServerInstance } from 'graphql-yoga';
import type { EmulatorContext } from './context.js';
import type { FaultInjector, FaultRule } from './faults.js';
import { readBodyWithin } from './request-body.js';
import { operationNameOf, variablesOf, type RequestLog } from './request-log.js';

/** Paths that serve the API: the documented one, and the one handed out as `gatewayUrl`. */
const API_PATHS = new Set(['/graphql', '/gateway']);

interface TribeShapedError {
  message: string;
  code?: string;
  [key: string]: unknown;
}

type YogaError = { message: string; extensions?: { code?: unknown; http?: { status?: number } } & Record<string, unknown> } & Record<string, unknown>;

/** Moves `extensions.code` to the top level, as Tribe does, and returns the HTTP status the errors ask for. */
function toTribeShape(errors: YogaError[]): { errors: TribeShapedError[]; status: number | undefined } {
  let status: number | undefined;
  const shaped = errors.map(({ extensions, ...rest }) => {
    const { code, http, ...other } = extensions ?? {};
    status ??= http?.status;
    const error: TribeShapedError = { ...rest };
    if (code !== undefined) error.code = String(code);
    if (Object.keys(other).length > 0) error.extensions = other;
    return error;
  });
  return { errors: shaped, status };
}

function answerFault(rule: FaultRule, response: ServerResponse): void {
  const status = rule.status ?? 500;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...rule.headers };
  if (rule.retryAfter !== undefined) headers['retry-after'] = rule.retryAfter;
  const body =
    status === 429 ? { errors: [{ code: '104', message: 'user request limit reached' }] } : { errors: [{ code: '50', message: `injected HTTP ${status}` }] };
  response.writeHead(status, headers).end(status >= 500 ? `injected HTTP ${status}` : JSON.stringify(body));
}

/** The running HTTP server. */
export interface HttpServerHandle {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves yoga over node:http, with what a test needs in front of it: every request logged, faults
 * applied before the operation runs, and errors reshaped to Tribe's form.
 */
export async function startHttpServer(options: {
  yoga: YogaServerInstance<Record<string, unknown>, EmulatorContext>;
  faults: FaultInjector;
  log: RequestLog;
  host: string;
  port: number;
  /** Pages besides the API (the block preview); resolves true when it answered the request. */
  routes?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
  /** Larger request bodies are refused with 413, a larger declared Content-Length before reading. */
  maxBodyBytes: number;
}): Promise<HttpServerHandle> {
  const { yoga, faults, log } = options;
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (await options.routes?.(request, response)) return;
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? options.host}`);
    const body = await readBodyWithin(request, options.maxBodyBytes);
    const text = body?.toString('utf8') ?? '';
    const isPost = request.method === 'POST';
    const operationName = isPost ? operationNameOf(text) : undefined;
    log.add({
      operationName,
      url: request.url ?? '/',
      path: url.pathname,
      method: request.method ?? 'GET',
      authorization: request.headers.authorization,
      cacheControl: request.headers['x-bettermode-cache-control'] as string | undefined,
      variables: isPost ? variablesOf(text) : undefined,
    });
    if (!body) {
      const refusal = { errors: [{ code: '118', message: `the request body is larger than ${options.maxBodyBytes} bytes` }] };
      response.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(refusal));
      return;
    }
    if (!API_PATHS.has(url.pathname)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: the API is at /graphql');
      return;
    }
    const fault = faults.take(operationName);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.hang) return;
    if (fault?.drop) {
      request.socket.destroy();
      return;
    }
    if (fault?.status !== undefined) {
      answerFault(fault, response);
      return;
    }
    url.pathname = '/graphql';
    const headers = Object.entries(request.headers).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, Array.isArray(value) ? value.join(', ') : value] as [string, string]],
    );
    const answer = await yoga.fetch(url, { method: request.method, headers, body: request.method === 'POST' ? text : undefined });
    const answerText = await answer.text();
    let status = answer.status;
    let output = answerText;
    if (answer.headers.get('content-type')?.includes('json')) {
      const result = JSON.parse(answerText) as { errors?: YogaError[] };
      if (result.errors) {
        const shaped = toTribeShape(result.errors);
        status = shaped.status ?? status;
        output = JSON.stringify({ ...result, errors: shaped.errors });
      }
    }
    const outHeaders: Record<string, string> = {};
    answer.headers.forEach((value, key) => {
      if (key !== 'content-length') outHeaders[key] = value;
    });
    response.writeHead(status, outHeaders).end(output);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`emulator error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
