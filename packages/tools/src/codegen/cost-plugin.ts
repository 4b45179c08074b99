import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { StaticCost } from 'tribe-sdk';
import { operationStaticCost } from './static-cost.js';

/** The name graphql-codegen knows the costs plugin by in a config's `plugins` (see {@link tribeCodegen}). */
export const TRIBE_COSTS_PLUGIN = 'tribe-sdk-costs';

/** Each named operation of the documents with its static cost, in document order. */
export function operationCostsOf(schema: GraphQLSchema, documents: readonly (DocumentNode | undefined)[]): [string, StaticCost][] {
  const definitions = documents.flatMap((document) => document?.definitions ?? []);
  const fragments = new Map(definitions.flatMap((node) => (node.kind === Kind.FRAGMENT_DEFINITION ? [[node.name.value, node] as const] : [])));
  return definitions
    .filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION && node.name !== undefined)
    .map((operation) => [operation.name!.value, operationStaticCost(schema, operation, fragments as ReadonlyMap<string, FragmentDefinitionNode>)]);
}

/**
 * The graphql-codegen plugin that writes `operationCosts`: each operation's complexity by Tribe's
 * documented rules, for `createTribeClient({ operationCosts })`, so the rate limiter knows what a
 * call costs before its first answer.
 */
export function plugin(schema: GraphQLSchema, documents: readonly { document?: DocumentNode | undefined }[]): string {
  const entries = operationCostsOf(
    schema,
    documents.map((file) => file.document),
  ).map(([name, cost]) => `  ${JSON.stringify(name)}: ${JSON.stringify(cost)},`);
  return [
    "/** The complexity of each operation by Tribe's documented rules, for `createTribeClient({ operationCosts })`. */",
    'export const operationCosts = {',
    ...entries,
    '} as const;',
    '',
  ].join('\n');
}
