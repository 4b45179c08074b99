import { TribeNetworkError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { ErrorAnswer } from './error-answer.js';
import type { HttpExchangeResponse } from './exchange.js';

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
 * for the error mapping, or a {@link TribeNetworkError} when the body is no GraphQL result. `onExtensions`
 * receives the answer's `extensions`, when it has a readable body.
 */
export function readResult<T>(response: HttpExchangeResponse, onExtensions?: (extensions: unknown) => void): T {
  const result = parseResult(response.text);
  // The rate limiter reads Tribe's `extensions.complexity` here, on errors as on data.
  onExtensions?.(result?.extensions);
  const ok = response.status >= 200 && response.status < 300;
  const hasErrors = Array.isArray(result?.errors) && (result.errors as unknown[]).length > 0;
  if (ok && (result === undefined || (result.data == null && !hasErrors))) {
    throw new TribeNetworkError(MESSAGES.unreadable('the body is not a GraphQL result with data or errors'), { status: response.status });
  }
  if (!ok || hasErrors) throw new ErrorAnswer(response.status, response.headers(), result?.errors, result?.data);
  return result!.data as T;
}
