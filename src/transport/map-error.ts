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
import { capText, sanitizeData } from '../scrub.js';
import { ErrorAnswer } from './error-answer.js';
import { parseRetryAfter } from './retry-after.js';

/** What the error mapping needs to know about the failed request. */
export interface ErrorContext {
  operationName: string | undefined;
  networkId: string;
  /** True for the `limitedToken` mint, whose partial data (a token) must never be kept. */
  isMint: boolean;
  now: number;
  /** Removes the client's secrets from server text before it is copied into an error. */
  scrub: (text: string) => string;
}

/** Tribe's error codes that the SDK treats specially. */
const CODE = { forbidden: '102', rateLimited: '104', invalidToken: '108', notFound: '110' } as const;

/** How many API errors an SDK error keeps (its `errorCount` says how many there were). */
const MAX_KEPT_ERRORS = 50;
/** How long one API error's message may be, and all of them together in the SDK error's message. */
const MAX_ERROR_MESSAGE = 500;
const MAX_SUMMARY = 2_000;

type RawError = { message?: unknown; code?: unknown; subcode?: unknown; field?: unknown; help?: unknown; path?: unknown; errors?: unknown };

/** One API error object as the SDK keeps it: known fields only, server text scrubbed and capped. */
function readApiError(entry: RawError, scrub: (text: string) => string): TribeApiError {
  const text = (value: unknown): string => capText(scrub(String(value)), MAX_ERROR_MESSAGE);
  const error: TribeApiError = { message: typeof entry.message === 'string' ? text(entry.message) : 'unknown error' };
  const code = entry.code ?? (entry as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code === 'string' || typeof code === 'number') error.code = text(code);
  if (typeof entry.subcode === 'string' || typeof entry.subcode === 'number') error.subcode = text(entry.subcode);
  if (typeof entry.field === 'string') error.field = text(entry.field);
  if (typeof entry.help === 'string') error.help = text(entry.help);
  if (Array.isArray(entry.path))
    error.path = entry.path.slice(0, 32).filter((part): part is string | number => typeof part === 'string' || typeof part === 'number');
  return error;
}

/**
 * Flattens Tribe's error objects, including errors nested in inner `errors` arrays, without recursion
 * (an answer may nest them thousands deep). Keeps the first {@link MAX_KEPT_ERRORS} and counts them all;
 * an entry that only wraps nested errors is not kept itself. Codes are collected from every entry.
 */
function flattenApiErrors(raw: unknown, scrub: (text: string) => string): { kept: TribeApiError[]; count: number; codes: Set<string> } {
  const kept: TribeApiError[] = [];
  const codes = new Set<string>();
  let count = 0;
  const stack: unknown[][] = Array.isArray(raw) ? [raw] : [];
  const positions: number[] = stack.length ? [0] : [];
  while (stack.length > 0) {
    const level = stack.length - 1;
    const list = stack[level]!;
    const entry = list[positions[level]!++] as RawError | undefined;
    if (positions[level]! > list.length) {
      stack.pop();
      positions.pop();
      continue;
    }
    if (typeof entry !== 'object' || entry === null) continue;
    const wrapsOnly = typeof entry.message !== 'string' && Array.isArray(entry.errors) && entry.errors.length > 0;
    const code = entry.code ?? (entry as { extensions?: { code?: unknown } }).extensions?.code;
    if (typeof code === 'string' || typeof code === 'number') codes.add(String(code));
    if (!wrapsOnly) {
      count += 1;
      if (kept.length < MAX_KEPT_ERRORS) kept.push(readApiError(entry, scrub));
    }
    if (Array.isArray(entry.errors)) {
      stack.push(entry.errors);
      positions.push(0);
    }
  }
  return { kept, count, codes };
}

function quotaHeaders(headers: Headers | undefined): Record<string, string> {
  const quota: Record<string, string> = {};
  let fields = 0;
  headers?.forEach((value, key) => {
    if (key.toLowerCase().startsWith('x-quota-') && fields++ < 16) quota[key.toLowerCase()] = capText(value, 200);
  });
  return quota;
}

/** The errors for a message: the first in full while they fit, then how many more there were. */
function summary(errors: readonly TribeApiError[], count: number, status: number): string {
  if (count === 0) return `HTTP ${status}`;
  let text = '';
  let shown = 0;
  for (const error of errors) {
    const part = error.code ? `${error.message} (code ${error.code})` : error.message;
    if (shown > 0 && text.length + part.length > MAX_SUMMARY) break;
    text += (shown > 0 ? '; ' : '') + part;
    shown += 1;
  }
  return shown < count ? `${text}; and ${count - shown} more` : text;
}

/**
 * Turns a failed attempt into a {@link TribeError}: an error that already is one comes back unchanged,
 * so mapping twice is safe; an {@link ErrorAnswer} is classified by status and Tribe code. Anything
 * else is a bug on our side of the wire and is rethrown as it is, never disguised as a retryable
 * network error. Server text is scrubbed of the client's secrets and capped; the raw answer is never
 * kept as `cause`, because it may hold a token.
 */
export function toTribeError(error: unknown, context: ErrorContext): TribeError {
  if (error instanceof TribeError) return error;
  if (!(error instanceof ErrorAnswer)) throw error;
  const { status, headers } = error;
  const { kept: errors, count: errorCount, codes } = flattenApiErrors(error.errors, context.scrub);
  const details = { operationName: context.operationName, status, apiCodes: [...codes].filter((code) => /^\d{1,6}$/.test(code)).slice(0, MAX_KEPT_ERRORS) };
  const what = summary(errors, errorCount, status);
  if (status === 401 || codes.has(CODE.invalidToken)) {
    return new TribeAuthError(context.isMint ? MESSAGES.credentialsRejected(what) : MESSAGES.tokenRejected(what), details);
  }
  if (status === 403 || codes.has(CODE.forbidden)) {
    const message = context.isMint ? MESSAGES.mintForbidden(context.networkId, what) : MESSAGES.forbidden(context.networkId, what);
    return new TribeForbiddenError(message, { ...details, networkId: context.networkId, errors, errorCount });
  }
  if (status === 429 || codes.has(CODE.rateLimited)) {
    const retryAfter = parseRetryAfter(headers?.get('retry-after'), context.now);
    return new TribeRateLimitError(MESSAGES.rateLimited(what), { ...details, retryAfter, quota: quotaHeaders(headers) });
  }
  if (status >= 300 && status < 400) return new TribeNetworkError(MESSAGES.redirectRefused(status), details);
  if (status >= 500 || errorCount === 0) {
    return new TribeNetworkError(MESSAGES.httpStatus(status, errorCount === 0 ? undefined : what), details);
  }
  // Partial data is kept for the caller, but never a token (limitedToken, tokens, loginNetwork select them).
  const data = context.isMint ? undefined : sanitizeData(error.data, context.scrub);
  const ErrorClass = codes.has(CODE.notFound) ? TribeNotFoundError : TribeGraphQLError;
  return new ErrorClass(MESSAGES.graphql(what), { ...details, errors, errorCount, data });
}
