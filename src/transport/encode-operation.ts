import type { DocumentNode } from 'graphql';
import { MESSAGES } from '../messages.js';
import { TribeConfigError } from '../errors.js';
import { compileDocument } from './compiled-document.js';

/** An operation ready for the wire: its JSON body, its name and whether it writes. */
export interface EncodedOperation {
  body: string;
  operationName: string;
  isMutation: boolean;
}

/**
 * Serialises an operation once per call. Variables that JSON cannot carry (a BigInt, a cycle) are the
 * caller's mistake: a {@link TribeConfigError} before anything is sent, never a retried network error.
 */
export function encodeOperation(document: DocumentNode, variables: unknown): EncodedOperation {
  const { query, operationName, isMutation } = compileDocument(document);
  const name = operationName ?? 'anonymous';
  let body: string;
  try {
    body = JSON.stringify({ query, variables, operationName });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TribeConfigError(MESSAGES.invalidOption(`the variables of ${name}`, `JSON-serialisable (${reason})`), { operationName: name });
  }
  return { body, operationName: name, isMutation };
}
