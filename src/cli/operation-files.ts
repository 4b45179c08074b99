import { readdir, readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { Kind, Source, parse, type DocumentNode, type FragmentDefinitionNode, type GraphQLError, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Where the SDK's operations live unless told otherwise. */
export const DEFAULT_OPERATIONS_DIR = 'operations';

/** One `.graphql` file: its parsed document, or the syntax error that stopped parsing it. */
export type OperationFile = { path: string; document: DocumentNode } | { path: string; syntaxError: GraphQLError };

/** An operation with the file it lives in. */
export interface LocatedOperation {
  path: string;
  operation: OperationDefinitionNode;
}

/** A fragment with the file it lives in. */
export interface LocatedFragment {
  path: string;
  fragment: FragmentDefinitionNode;
}

/**
 * Reads and parses every `.graphql` file under `dir`, sorted by path; paths keep `dir` as written.
 * Each document's source is named after its file, so that errors can say where they are.
 */
export async function readOperationFiles(dir: string = DEFAULT_OPERATIONS_DIR): Promise<OperationFile[]> {
  const entries = await readdir(dir, { recursive: true });
  const paths = entries
    .map((entry) => posix.join(dir.split('\\').join('/'), entry.split('\\').join('/')))
    .filter((path) => path.endsWith('.graphql'))
    .sort();
  return Promise.all(
    paths.map(async (path): Promise<OperationFile> => {
      const text = await readFile(path, 'utf8');
      try {
        return { path, document: parse(new Source(text, path)) };
      } catch (error) {
        return { path, syntaxError: error as GraphQLError };
      }
    }),
  );
}

/** The operations and the fragments (by name) of the files that parsed. */
export function definitionsOf(files: readonly OperationFile[]): {
  operations: LocatedOperation[];
  fragments: Map<string, LocatedFragment>;
} {
  const operations: LocatedOperation[] = [];
  const fragments = new Map<string, LocatedFragment>();
  for (const file of files) {
    if (!('document' in file)) continue;
    for (const definition of file.document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ path: file.path, operation: definition });
      if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) {
        fragments.set(definition.name.value, { path: file.path, fragment: definition });
      }
    }
  }
  return { operations, fragments };
}

/** The fragments an operation or fragment spreads, directly or through other fragments, in first-use order. */
export function fragmentsUsedBy(
  root: OperationDefinitionNode | FragmentDefinitionNode,
  fragments: ReadonlyMap<string, LocatedFragment>,
): LocatedFragment[] {
  const seen = new Map<string, LocatedFragment>();
  const walk = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD) {
        walk(selection.selectionSet);
        continue;
      }
      const found = fragments.get(selection.name.value);
      if (found && !seen.has(selection.name.value)) {
        seen.set(selection.name.value, found);
        walk(found.fragment.selectionSet);
      }
    }
  };
  walk(root.selectionSet);
  return [...seen.values()];
}

/** How an operation is named in messages: `query post`, or `anonymous query` for one without a name. */
export function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `${operation.operation} ${operation.name.value}` : `anonymous ${operation.operation}`;
}
