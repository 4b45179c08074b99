import { TribeError, type TribeApiError } from './errors.js';

/**
 * The platform's numeric error codes, by name, each with its one-line meaning. An API error object
 * carries the code as a numeric string at its top level (`"110"`); {@link hasErrorCode} compares them.
 */
export const TRIBE_API_ERROR_CODES = {
  unknown: { code: 1, meaning: 'an error of unknown kind' },
  serverError: { code: 10, meaning: 'the server failed' },
  serviceTimeout: { code: 30, meaning: 'a service behind the gateway timed out' },
  serviceUnavailable: { code: 50, meaning: 'a service behind the gateway is unavailable' },
  validationFailed: { code: 100, meaning: 'parameter validation failed' },
  forbidden: { code: 102, meaning: 'the member or app may not do this (permission error)' },
  rateLimited: { code: 104, meaning: 'the request limit was reached' },
  invalidParameter: { code: 106, meaning: 'a parameter is invalid' },
  invalidAccessToken: { code: 108, meaning: 'the access token is invalid, expired or revoked' },
  notFound: { code: 110, meaning: 'the resource was not found' },
  missingParameter: { code: 112, meaning: 'a required parameter is missing' },
  parameterType: { code: 114, meaning: 'a parameter has the wrong type' },
  databaseError: { code: 116, meaning: 'the database failed' },
  invalidRequest: { code: 118, meaning: 'the request is invalid' },
  blockedByPolicy: { code: 120, meaning: 'the request was blocked by a policy' },
  backendError: { code: 122, meaning: 'a backend service failed' },
} as const;

/** The name of one of the platform's error codes, e.g. `notFound`. */
export type TribeApiErrorName = keyof typeof TRIBE_API_ERROR_CODES;

/** One of the platform's numeric error codes, e.g. `110`. */
export type TribeApiErrorNumber = (typeof TRIBE_API_ERROR_CODES)[TribeApiErrorName]['code'];

function numberOf(code: TribeApiErrorName | TribeApiErrorNumber): number {
  return typeof code === 'number' ? code : TRIBE_API_ERROR_CODES[code].code;
}

/**
 * Whether an SDK error came with the platform's error `code` (a name such as `'notFound'`, or the
 * number `110`) in any of the API's error objects, nested ones included; false for anything else.
 */
export function hasErrorCode(error: unknown, code: TribeApiErrorName | TribeApiErrorNumber): boolean {
  if (!(error instanceof TribeError)) return false;
  const wanted = String(numberOf(code));
  const kept = (error as { errors?: readonly TribeApiError[] }).errors ?? [];
  return error.apiCodes.includes(wanted) || kept.some((entry) => entry.code === wanted);
}
