import type { DocumentNode } from 'graphql';

/** FNV-1a (32 bit, hex) of a document's definitions as JSON: the same function the codegen plugin uses. */
function definitionsFingerprint(definitions: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < definitions.length; index++) hash = Math.imul(hash ^ definitions.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16);
}

/**
 * The text codegen stored in a generated document (`tribeSource`, see tribe-sdk-tools' codegen plugin),
 * if the document still has the definitions it was printed from: a copy whose AST was changed (a
 * transform adding fields keeps the other properties) fails the fingerprint and is printed instead.
 */
export function precompiledText(document: DocumentNode): string | undefined {
  const source = (document as { tribeSource?: unknown }).tribeSource;
  if (typeof source !== 'object' || source === null) return undefined;
  const { body, fingerprint } = source as { body?: unknown; fingerprint?: unknown };
  if (typeof body !== 'string' || typeof fingerprint !== 'string') return undefined;
  return definitionsFingerprint(JSON.stringify(document.definitions)) === fingerprint ? body : undefined;
}
