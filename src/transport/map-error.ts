import {
  TribeAuthError,
  TribeError,
  TribeForbiddenError,
  TribeGraphQLError,
  TribeNetworkError,
  TribeNotFoundError,
  TribeRateLimitError,
  type TribeApiError,
} from '../errors.js';
import { MESSAGES } from '../messages.js';
import { redactTokenFields } from '../redact.js';
import { ErrorAnswer } from './error-answer.js';
import { parseRetryAfter } from './retry-after.js';

/** What the error mapping needs to know about the failed request. */
export interface ErrorContext {
  operationName: string | undefined;
  networkId: string;
  /** True for the `limitedToken` mint, whose partial data (a token) must never be kept. */
  isMint: boolean;
  now: number;
}

/** Tribe's error codes that the SDK treats specially. */
const CODE = { forbidden: '102', rateLimited: '104', invalidToken: '108', notFound: '110' } as const;

type RawError = { message?: unknown; code?: unknown; subcode?: unknown; field?: unknown; help?: unknown; path?: unknown; errors?: unknown };

/** Flattens Tribe's error objects, including errors nested in an inner `errors` array. */
function flattenApiErrors(raw: unknown): TribeApiError[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: RawError): TribeApiError[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const nested = flattenApiErrors(entry.errors);
    const error: TribeApiError = { message: typeof entry.message === 'string' ? entry.message : 'unknown error' };
    const code = entry.code ?? (entry as { extensions?: { code?: unknown } }).extensions?.code;
    if (code !== undefined) error.code = String(code);
    if (entry.subcode !== undefined) error.subcode = String(entry.subcode);
    if (typeof entry.field === 'string') error.field = entry.field;
    if (typeof entry.help === 'string') error.help = entry.help;
    if (Array.isArray(entry.path)) error.path = entry.path as Array<string | number>;
    return nested.length > 0 && error.message === 'unknown error' ? nested : [error, ...nested];
  });
}

function quotaHeaders(headers: Headers | undefined): Record<string, string> {
  const quota: Record<string, string> = {};
  headers?.forEach((value, key) => {
    if (key.toLowerCase().startsWith('x-quota-')) quota[key.toLowerCase()] = value;
  });
  return quota;
}

function summary(errors: readonly TribeApiError[], status: number): string {
  if (errors.length === 0) return `HTTP ${status}`;
  return errors.map((error) => (error.code ? `${error.message} (code ${error.code})` : error.message)).join('; ');
}

/**
 * Turns a failed attempt into a {@link TribeError}: an error that already is one comes back unchanged,
 * so mapping twice is safe; an {@link ErrorAnswer} is classified by status and Tribe code. Anything
 * else is a bug on our side of the wire and is rethrown as it is, never disguised as a retryable
 * network error. The raw answer is never kept as `cause`, because it may hold a token.
 */
export function toTribeError(error: unknown, context: ErrorContext): TribeError {
  if (error instanceof TribeError) return error;
  if (!(error instanceof ErrorAnswer)) throw error;
  const { status, headers } = error;
  const errors = flattenApiErrors(error.errors);
  const codes = new Set(errors.map((entry) => entry.code));
  const details = { operationName: context.operationName, status };
  const what = summary(errors, status);
  if (status === 401 || codes.has(CODE.invalidToken)) {
    return new TribeAuthError(context.isMint ? MESSAGES.credentialsRejected(what) : MESSAGES.tokenRejected(what), details);
  }
  if (status === 403 || codes.has(CODE.forbidden)) {
    const message = context.isMint ? MESSAGES.mintForbidden(context.networkId, what) : MESSAGES.forbidden(context.networkId, what);
    return new TribeForbiddenError(message, { ...details, networkId: context.networkId, errors });
  }
  if (status === 429 || codes.has(CODE.rateLimited)) {
    const retryAfter = parseRetryAfter(headers?.get('retry-after'), context.now);
    return new TribeRateLimitError(MESSAGES.rateLimited(what), { ...details, retryAfter, quota: quotaHeaders(headers) });
  }
  if (status >= 300 && status < 400) return new TribeNetworkError(MESSAGES.redirectRefused(status), details);
  if (status >= 500 || errors.length === 0) {
    return new TribeNetworkError(MESSAGES.httpStatus(status, errors.length === 0 ? undefined : what), details);
  }
  // Partial data is kept for the caller, but never a token (limitedToken, tokens, loginNetwork select them).
  const data = context.isMint ? undefined : redactTokenFields(error.data);
  const ErrorClass = codes.has(CODE.notFound) ? TribeNotFoundError : TribeGraphQLError;
  return new ErrorClass(MESSAGES.graphql(what), { ...details, errors, data });
}
