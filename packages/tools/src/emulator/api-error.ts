import { GraphQLError } from 'graphql';

/** Tribe's error codes that the emulator answers with. */
export const API_CODE = {
  parameterValidation: '100',
  permission: '102',
  invalidParameter: '106',
  invalidToken: '108',
  notFound: '110',
  invalidRequest: '118',
} as const;

/**
 * An error in Tribe's shape: the HTTP layer lifts `code` to the top level of the error object and
 * answers with `status` (200 unless given: Tribe reports resolver errors in the body).
 */
export function apiError(code: string, message: string, status?: number): GraphQLError {
  return new GraphQLError(message, { extensions: status === undefined ? { code } : { code, http: { status } } });
}

/** A 110 "not found" error for an object of `kind` with `id`. */
export function notFound(kind: string, id: string | null | undefined): GraphQLError {
  return apiError(API_CODE.notFound, `${kind} ${id ?? '(none given)'} not found`);
}

/** A 102 permission error. */
export function forbidden(message: string): GraphQLError {
  return apiError(API_CODE.permission, message);
}

/**
 * The answer of a root field the emulator does not model: a 118 "invalid request" error flagged
 * `extensions.notModelled`, never generated data that would look like a change of state.
 */
export function notModelled(typeName: string, fieldName: string): GraphQLError {
  return new GraphQLError(`the emulator does not model ${typeName}.${fieldName}; it answers no generated data for it (see docs/emulator.md)`, {
    extensions: { code: API_CODE.invalidRequest, notModelled: true },
  });
}
