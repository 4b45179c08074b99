import type { DocumentNode } from 'graphql';
// The printer alone: graphql's index loads its type system, which reads process.env (a permission prompt on Deno).
import { print } from 'graphql/language/printer.js';

/** What a request needs from a document: its text, its name and whether it writes. */
export interface CompiledDocument {
  query: string;
  operationName: string | undefined;
  isMutation: boolean;
}

const compiled = new WeakMap<DocumentNode, CompiledDocument>();

/**
 * Prints a document once and remembers the result for as long as the document lives. Generated
 * documents are module constants, so each is printed once per process instead of once per request
 * (printing a fragment-heavy document costs tens of microseconds).
 */
export function compileDocument(document: DocumentNode): CompiledDocument {
  let entry = compiled.get(document);
  if (entry === undefined) {
    const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
    entry = { query: print(document), operationName: operation?.name?.value, isMutation: operation?.operation === 'mutation' };
    compiled.set(document, entry);
  }
  return entry;
}
