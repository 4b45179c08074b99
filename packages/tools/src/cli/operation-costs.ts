import type { GraphQLSchema } from 'graphql';
import { costAtDefaults, formatStaticCost, operationStaticCost } from '../codegen/static-cost.js';
import { definitionsOf, type OperationFile } from './operation-files.js';

/** The complexity the platform's docs advise a query to stay under. */
const ADVISED_MAX_COMPLEXITY = 1_000;

/** The `schema validate` report of costs: a line per operation (cost, name, file) and a warning per operation over the advised figure. */
export function operationCostReport(schema: GraphQLSchema, files: readonly OperationFile[]): { table: string[]; warnings: string[] } {
  const { operations, fragments } = definitionsOf(files);
  const fragmentNodes = new Map([...fragments].map(([name, located]) => [name, located.fragment]));
  const rows = operations.map(({ path, operation }) => {
    const cost = operationStaticCost(schema, operation, fragmentNodes);
    return { name: operation.name?.value ?? `anonymous ${operation.operation}`, path, cost, text: formatStaticCost(cost) };
  });
  const width = Math.max(4, ...rows.map((row) => row.text.length));
  const nameWidth = Math.max(9, ...rows.map((row) => row.name.length));
  const table = [
    `  ${'cost'.padStart(width)}  ${'operation'.padEnd(nameWidth)}  file`,
    ...rows.map((row) => `  ${row.text.padStart(width)}  ${row.name.padEnd(nameWidth)}  ${row.path}`),
  ];
  const warnings = rows
    .filter((row) => costAtDefaults(row.cost) > ADVISED_MAX_COMPLEXITY)
    .map(
      (row) =>
        `tribe-sdk: warning: operation "${row.name}" (${row.path}) costs ${costAtDefaults(row.cost)}, over the advised ${ADVISED_MAX_COMPLEXITY} per query`,
    );
  return { table, warnings };
}
