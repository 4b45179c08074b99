import type { DocumentNode } from 'graphql';
// The printer alone: graphql's index loads its type system, which reads process.env (a permission prompt on Deno).
import { print } from 'graphql/language/printer.js';

/** What a request needs from a document: its text, its name, whether it writes, and its body serialised up to the variables. */
export interface CompiledDocument {
  query: string;
  operationName: string | undefined;
  isMutation: boolean;
  /** `{"query":…,"operationName":…,"variables":`: a call appends its variables and `}`. */
  bodyPrefix: string;
  /** The whole body of a call without variables. */
  bareBody: string;
}

const compiled = new WeakMap<DocumentNode, CompiledDocument>();

/**
 * Prints a document once and remembers the result for as long as the document lives. Generated
 * documents are module constants, so each is printed (and its text JSON-escaped) once per process
 * instead of once per request (printing a fragment-heavy document costs tens of microseconds).
 */
export function compileDocument(document: DocumentNode): CompiledDocument {
  let entry = compiled.get(document);
  if (entry === undefined) {
    const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
    const query = print(document);
    const operationName = operation?.name?.value;
    const bareBody = JSON.stringify({ query, operationName });
    entry = { query, operationName, isMutation: operation?.operation === 'mutation', bareBody, bodyPrefix: `${bareBody.slice(0, -1)},"variables":` };
    compiled.set(document, entry);
  }
  return entry;
}
