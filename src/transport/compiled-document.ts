import type { DocumentNode } from 'graphql';
import { precompiledText } from './document-source.js';

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

// The printer alone (graphql's index loads its type system, which reads process.env: a permission prompt on
// Deno), and only for a document codegen did not precompile: bundles of generated documents leave it out.
const loadPrinter = (): Promise<typeof import('graphql/language/printer.js')> => import('graphql/language/printer.js');

function remember(document: DocumentNode, query: string): CompiledDocument {
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  const operationName = operation?.name?.value;
  const bareBody = JSON.stringify({ query, operationName });
  const entry = { query, operationName, isMutation: operation?.operation === 'mutation', bareBody, bodyPrefix: `${bareBody.slice(0, -1)},"variables":` };
  compiled.set(document, entry);
  return entry;
}

/**
 * A document's text and body prefix, worked out once for as long as the document lives. Generated
 * documents carry their text (see document-source.ts); any other document is printed once per
 * process with graphql's printer, loaded at the first such document.
 */
export function compileDocument(document: DocumentNode): CompiledDocument | Promise<CompiledDocument> {
  const entry = compiled.get(document);
  if (entry !== undefined) return entry;
  const text = precompiledText(document);
  if (text !== undefined) return remember(document, text);
  return loadPrinter().then(({ print }) => remember(document, print(document)));
}
