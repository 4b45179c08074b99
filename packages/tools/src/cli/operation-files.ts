import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { gqlPluckFromCodeStringSync } from '@graphql-tools/graphql-tag-pluck';
import { glob } from 'tinyglobby';
import {
  GraphQLError,
  Kind,
  Source,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Where the SDK's operations live unless told otherwise. */
export const DEFAULT_OPERATIONS_DIR = 'operations';

/** One document file: its parsed document, or the syntax error that stopped parsing it. */
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

/** The files `readDocumentFiles` reads as GraphQL, and those it plucks documents from. */
const GRAPHQL_FILE = /\.(graphql|gql)$/;
const CODE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * Where a plucked document's text starts in its file, as graphql counts (line and column from 1): the
 * plucker gives the template literal's own start, with the column counted from 0 and on its backtick.
 */
function bodyStart(literalStart: { line: number; column: number }): { line: number; column: number } {
  return { line: literalStart.line, column: literalStart.column + 2 };
}

/** Parses one file's documents: a GraphQL file whole, a code file's `graphql()`, `gql`, `/* GraphQL *\/` and `#graphql` strings. */
function parseFile(path: string, text: string): OperationFile {
  try {
    if (GRAPHQL_FILE.test(path)) return { path, document: parse(new Source(text, path)) };
    const definitions = gqlPluckFromCodeStringSync(path, text, { skipIndent: true }).flatMap(
      (source) => parse(new Source(source.body, path, bodyStart(source.locationOffset))).definitions,
    );
    return { path, document: { kind: Kind.DOCUMENT, definitions } };
  } catch (error) {
    if (error instanceof GraphQLError) return { path, syntaxError: error };
    return { path, syntaxError: new GraphQLError(`cannot read GraphQL from this file (${(error as Error).message.split('\n')[0]})`) };
  }
}

/**
 * Reads and parses every document file matching `patterns` (globs relative to `cwd`, `!` to exclude),
 * sorted by path: `.graphql` and `.gql` files, and the documents embedded in TypeScript and JavaScript.
 * Each document's source is named after its file, so that errors can say where they are.
 */
export async function readDocumentFiles(patterns: readonly string[], cwd = '.'): Promise<OperationFile[]> {
  const base = cwd.split('\\').join('/');
  const paths = (await glob([...patterns], { cwd, ignore: ['**/node_modules/**'], expandDirectories: false }))
    .filter((path) => GRAPHQL_FILE.test(path) || CODE_FILE.test(path))
    .map((path) => (base === '.' ? path : posix.join(base, path)))
    .sort();
  return Promise.all(paths.map(async (path) => parseFile(path, await readFile(path, 'utf8'))));
}

/** The documents of the `.graphql` and `.gql` files under `dir`; paths keep `dir` as written. */
export function readOperationFiles(dir: string = DEFAULT_OPERATIONS_DIR): Promise<OperationFile[]> {
  return readDocumentFiles(['**/*.{graphql,gql}'], dir);
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
export function fragmentsUsedBy(root: OperationDefinitionNode | FragmentDefinitionNode, fragments: ReadonlyMap<string, LocatedFragment>): LocatedFragment[] {
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
