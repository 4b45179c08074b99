import { print, stripIgnoredCharacters, type DocumentNode } from 'graphql';

/** The key of the printed text codegen stores in each generated DocumentNode (read by tribe-sdk's compiled-document.ts). */
const DOCUMENT_SOURCE_KEY = 'tribeSource';

/** FNV-1a (32 bit, hex) of a document's definitions as JSON; tribe-sdk computes the same to trust the stored text. */
export function definitionsFingerprint(definitions: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < definitions.length; index++) hash = Math.imul(hash ^ definitions.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16);
}

// One generated document constant per line, as typescript-graphql-request writes them in documentMode 'documentNode'.
const DOCUMENT_CONSTANT = /^(export const \w+ = )(\{"kind":"Document".*\})( as unknown as DocumentNode;)$/gm;

/**
 * Adds each operation document's text, printed without ignored characters, and the fingerprint of the
 * definitions it was printed from, to the generated DocumentNode constants, so the runtime sends the text
 * without loading graphql's printer. Fragment documents are never sent alone and get none.
 */
export function addDocumentSources(code: string): string {
  return code.replace(DOCUMENT_CONSTANT, (constant, head: string, json: string, tail: string) => {
    const document = JSON.parse(json) as DocumentNode;
    if (!document.definitions.some((definition) => definition.kind === 'OperationDefinition')) return constant;
    const source = { body: stripIgnoredCharacters(print(document)), fingerprint: definitionsFingerprint(JSON.stringify(document.definitions)) };
    return `${head}${JSON.stringify({ ...document, [DOCUMENT_SOURCE_KEY]: source })}${tail}`;
  });
}
