import { MESSAGES } from '../messages.js';
import { TribeConfigError } from '../errors.js';
import type { CompiledDocument } from './compiled-document.js';

/** An operation ready for the wire: its JSON body, its name and whether it writes. */
export interface EncodedOperation {
  body: string;
  operationName: string;
  isMutation: boolean;
}

/** A value JSON would drop or send as `{}`: the caller would get an answer to a request they did not mean. */
class LostValue extends Error {}

const where = (key: string): string => (key === '' ? 'the top level' : `"${key.slice(0, 64)}"`);

/** Refuses what JSON cannot carry faithfully: functions and Symbols (dropped), Maps and Sets (sent as `{}`). */
function refuseLostValues(key: string, value: unknown): unknown {
  const kind = typeof value;
  if (kind === 'function' || kind === 'symbol') throw new LostValue(`a ${kind} at ${where(key)} would be dropped`);
  if (value instanceof Map || value instanceof Set) throw new LostValue(`a ${value instanceof Map ? 'Map' : 'Set'} at ${where(key)} would be sent as {}`);
  return value;
}

/**
 * Serialises an operation once per call: the document part of the body is serialised once per
 * document (see compileDocument), so a call serialises only its variables. Variables that JSON cannot carry (a BigInt, a
 * cycle, a function, a Symbol, a Map or a Set) are the caller's mistake: a {@link TribeConfigError}
 * before anything is sent, never a retried network error or a request with the value missing.
 */
export function encodeOperation(document: CompiledDocument, variables: unknown): EncodedOperation {
  const { bodyPrefix, bareBody, operationName, isMutation } = document;
  const name = operationName ?? 'anonymous';
  let serialised: string | undefined;
  try {
    serialised = variables === undefined ? undefined : JSON.stringify(variables, refuseLostValues);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TribeConfigError(MESSAGES.invalidOption(`the variables of ${name}`, `JSON-serialisable (${reason})`), { operationName: name });
  }
  return { body: serialised === undefined ? bareBody : `${bodyPrefix}${serialised}}`, operationName: name, isMutation };
}
