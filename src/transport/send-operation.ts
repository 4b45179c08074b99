import type { DocumentNode } from 'graphql';
import type { Variables } from 'graphql-request';
import { SDK_NAME, SDK_VERSION } from '../constants.js';
import { TribeNetworkError } from '../errors.js';
import { compileDocument } from './compiled-document.js';
import { ErrorAnswer } from './error-answer.js';
import type { HttpExchange, HttpExchangeResponse } from './http-exchange.js';

/** One GraphQL operation to send. */
export interface OperationRequest {
  url: string;
  document: DocumentNode;
  variables?: Variables | undefined;
  headers?: HeadersInit | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
}

const USER_AGENT = `${SDK_NAME}/${SDK_VERSION}`;

/**
 * Lower-cases header names so that a later header wins over an earlier one in any letter case: the
 * generated SDK spreads the caller's headers first and the SDK's Authorization last.
 */
function requestHeaders(init: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {
    accept: 'application/graphql-response+json, application/json',
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
  };
  if (init === undefined) return record;
  if (Array.isArray(init) || init instanceof Headers) {
    new Headers(init).forEach((value, key) => {
      record[key] = value;
    });
    return record;
  }
  for (const key of Object.keys(init)) {
    const value = init[key];
    if (typeof value === 'string') record[key.toLowerCase()] = value;
  }
  return record;
}

type ExecutionResult = { data?: unknown; errors?: unknown; extensions?: unknown };

function parseResult(text: string): ExecutionResult | undefined {
  try {
    const result: unknown = JSON.parse(text);
    return typeof result === 'object' && result !== null && !Array.isArray(result) ? (result as ExecutionResult) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads an answer: `data` on success, otherwise an {@link ErrorAnswer} (status, headers, errors, data)
 * for the error mapping.
 */
function readResult<T>(response: HttpExchangeResponse): T {
  const result = parseResult(response.text);
  const ok = response.status >= 200 && response.status < 300;
  const hasErrors = Array.isArray(result?.errors) && (result.errors as unknown[]).length > 0;
  if (ok && (result === undefined || (result.data == null && !hasErrors))) {
    throw new TribeNetworkError('tribe-sdk: unreadable answer (the body is not a GraphQL result with data or errors)', { status: response.status });
  }
  if (!ok || hasErrors) throw new ErrorAnswer(response.status, response.headers(), result?.errors, result?.data);
  return result!.data as T;
}

/** Sends one operation through `exchange`: the document is printed once per process, the body built once per call. */
export async function sendOperation<T>(exchange: HttpExchange, request: OperationRequest): Promise<T> {
  const { query, operationName } = compileDocument(request.document);
  const response = await exchange({
    url: request.url,
    headers: requestHeaders(request.headers),
    body: JSON.stringify({ query, variables: request.variables, operationName }),
    signal: request.signal,
    timeoutMs: request.timeoutMs,
  });
  return readResult<T>(response);
}
