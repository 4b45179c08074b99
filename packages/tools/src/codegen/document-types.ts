/** The type each generated operation document is given: a DocumentNode carrying its result and variables types as TypedDocumentNode does. */
const TYPED_DOCUMENT_TYPE = 'TypedDocument';

// The declaration put before the documents; structural, so the generated file imports nothing more.
const TYPED_DOCUMENT_DECLARATION = [
  '/** A DocumentNode that carries its result and variables types, as TypedDocumentNode does, for tribe.request. */',
  `type ${TYPED_DOCUMENT_TYPE}<TResult, TVariables> = DocumentNode & { __apiType?: (variables: TVariables) => TResult };`,
].join('\n');

// One getSdk method as typescript-graphql-request writes it: its variables type, its result type, then the document it sends.
const SDK_METHOD = /\(variables\??: (\w+),[^\n]*\): Promise<(\w+)> \{\n[^\n]*\{ document: (\w+),/g;

// One generated document constant per line, as typescript-graphql-request writes them in documentMode 'documentNode'.
const DOCUMENT_CONSTANT = /^(export const (\w+) = \{"kind":"Document".*\} as unknown as )DocumentNode;$/gm;

/**
 * Types each operation document that getSdk sends as `TypedDocument<Result, Variables>`, read from getSdk's own
 * signatures, so `tribe.request(XDocument, variables)` infers its result and refuses excess variables.
 * Fragment documents, and documents of a getSdk this does not recognise, stay `DocumentNode`.
 */
export function addDocumentTypes(code: string): string {
  const types = new Map<string, string>();
  for (const [, variables, result, document] of code.matchAll(SDK_METHOD)) types.set(document!, `${TYPED_DOCUMENT_TYPE}<${result}, ${variables}>`);
  if (types.size === 0) return code;
  const typed = code.replace(DOCUMENT_CONSTANT, (constant, head: string, name: string) => {
    const type = types.get(name);
    return type === undefined ? constant : `${head}${type};`;
  });
  return `${TYPED_DOCUMENT_DECLARATION}\n${typed}`;
}
