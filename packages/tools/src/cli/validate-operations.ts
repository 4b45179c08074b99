import { readFile } from 'node:fs/promises';
import { Kind, NoUnusedFragmentsRule, buildSchema, specifiedRules, validate, type DefinitionNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { loadAppProject } from './app-project.js';
import { parseCommand } from './args.js';
import { operationCostReport } from './operation-costs.js';
import { definitionsOf, fragmentsUsedBy, readDocumentFiles, readOperationFiles, type OperationFile } from './operation-files.js';

const FRAGMENT_RULES = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

/**
 * Where an error is, as `file:line:column`, when graphql knows. graphql counts from the start of the
 * document; a document taken from a code file starts at its source's `locationOffset` in that file.
 */
function whereOf(error: GraphQLError): string {
  const location = error.locations?.[0];
  if (!location || !error.source) return '';
  const offset = error.source.locationOffset;
  const line = location.line + offset.line - 1;
  const column = location.line === 1 ? location.column + offset.column - 1 : location.column;
  return ` (${error.source.name}:${line}:${column})`;
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

/** Usage of `tribe-sdk schema validate`. */
const VALIDATE_USAGE = `Usage: tribe-sdk schema validate [--schema <file>] [--operations <dir>]

Checks every operation and fragment against the schema snapshot, before codegen runs, and prints each
operation's complexity by the platform's documented rules (a page sized by a variable as a formula of it),
with a warning for any over the advised 1,000 per query. The schema and
the documents come from the project's graphql-config file (the one your editor and graphql-codegen
read); without one, schema/tribe.graphql (else the snapshot tribe-sdk ships) and operations/ (else src/).
Documents: .graphql and .gql files, and graphql(), gql, /* GraphQL */ and #graphql strings in .ts/.tsx.

  --schema <file>      the schema to check against instead
  --operations <dir>   the .graphql/.gql files under this folder instead`;

/** `tribe-sdk schema validate`: checks the project's documents against its schema; exit 1 on problems. */
export async function schemaValidateCommand(args: string[]): Promise<number> {
  const values = parseCommand(args, {
    command: 'schema validate',
    usage: VALIDATE_USAGE,
    options: { schema: { type: 'string' }, operations: { type: 'string' } },
  });
  if (!values) return 0;
  const project = await loadAppProject(process.cwd());
  const schemaPath = values.schema ?? project.schemaPath;
  const files = values.operations === undefined ? await readDocumentFiles(project.documents) : await readOperationFiles(values.operations);
  const where = values.operations === undefined ? project.documents.join(', ') : `${values.operations}/`;
  const schema = buildSchema(await readFile(schemaPath, 'utf8'));
  const problems = validateOperationFiles(schema, files);
  if (problems.length === 0) {
    const { operations, fragments } = definitionsOf(files);
    const withDocuments = files.filter((file) => 'document' in file && file.document.definitions.length > 0).length;
    const costs = operationCostReport(schema, files);
    process.stdout.write(
      `tribe-sdk: ${operations.length} operation(s) and ${fragments.size} fragment(s) in ${withDocuments} file(s) are valid against ${schemaPath}\n` +
        `${costs.table.join('\n')}\n`,
    );
    if (costs.warnings.length > 0) process.stderr.write(`${costs.warnings.join('\n')}\n`);
    return 0;
  }
  process.stderr.write(
    `${problems.join('\n')}\n\ntribe-sdk: ${problems.length} problem(s) in ${where} against ${schemaPath}; ` +
      `fix these operations (or restore the schema snapshot) and run codegen again\n`,
  );
  return 1;
}
