import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  Kind,
  NoUnusedFragmentsRule,
  buildSchema,
  specifiedRules,
  validate,
  type DefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { DEFAULT_OPERATIONS_DIR, definitionsOf, fragmentsUsedBy, readOperationFiles, type OperationFile } from './operation-files.js';
import { DEFAULT_SCHEMA_PATH } from './schema-pull.js';

const FRAGMENT_RULES = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

/** Where an error is, as `file:line:column`, when graphql knows. */
function whereOf(error: GraphQLError): string {
  const location = error.locations?.[0];
  return location && error.source ? ` (${error.source.name}:${location.line}:${location.column})` : '';
}

function duplicateNames(files: readonly OperationFile[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const file of files) {
    if (!('document' in file)) continue;
    for (const definition of file.document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
      if (!definition.name) {
        problems.push(`${file.path}: an operation has no name; the SDK method is named after it`);
        continue;
      }
      const key = `${definition.kind === Kind.FRAGMENT_DEFINITION ? 'fragment' : 'operation'} "${definition.name.value}"`;
      const first = seen.get(key);
      if (first) problems.push(`${file.path}: ${key}: the name is taken already in ${first}`);
      else seen.set(key, file.path);
    }
  }
  return problems;
}

/**
 * Validates every operation, together with the fragments it spreads, against `schema`, and every
 * fragment no operation uses on its own. Returns one line per problem, naming the file, the
 * operation or fragment, graphql's message and where the offending node is.
 */
export function validateOperationFiles(schema: GraphQLSchema, files: readonly OperationFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if ('syntaxError' in file) problems.push(`${file.path}: ${file.syntaxError.message}${whereOf(file.syntaxError)}`);
  }
  problems.push(...duplicateNames(files));
  const { operations, fragments } = definitionsOf(files);
  const usedFragments = new Set<string>();
  for (const { path, operation } of operations) {
    const spread = fragmentsUsedBy(operation, fragments);
    for (const used of spread) usedFragments.add(used.fragment.name.value);
    const definitions: DefinitionNode[] = [operation, ...spread.map((used) => used.fragment)];
    const name = operation.name?.value ?? `anonymous ${operation.operation}`;
    for (const error of validate(schema, { kind: Kind.DOCUMENT, definitions })) {
      problems.push(`${path}: operation "${name}": ${error.message}${whereOf(error)}`);
    }
  }
  for (const [name, { path, fragment }] of fragments) {
    if (usedFragments.has(name)) continue;
    const definitions: DefinitionNode[] = [fragment, ...fragmentsUsedBy(fragment, fragments).map((used) => used.fragment)];
    for (const error of validate(schema, { kind: Kind.DOCUMENT, definitions }, FRAGMENT_RULES)) {
      problems.push(`${path}: fragment "${name}": ${error.message}${whereOf(error)}`);
    }
  }
  return problems;
}

/** `tribe-sdk schema validate`: checks operations/ against the snapshot before codegen runs; exit 1 on problems. */
export async function schemaValidateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { schema: { type: 'string' }, operations: { type: 'string' } } });
  const schemaPath = values.schema ?? DEFAULT_SCHEMA_PATH;
  const dir = values.operations ?? DEFAULT_OPERATIONS_DIR;
  const schema = buildSchema(await readFile(schemaPath, 'utf8'));
  const problems = validateOperationFiles(schema, await readOperationFiles(dir));
  if (problems.length === 0) return 0;
  process.stderr.write(
    `${problems.join('\n')}\n\ntribe-sdk: ${problems.length} problem(s) in ${dir}/ against ${schemaPath}; ` +
      `fix these operations (or restore the schema snapshot) and run codegen again\n`,
  );
  return 1;
}
