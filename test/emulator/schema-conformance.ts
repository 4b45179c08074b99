import { readFileSync } from 'node:fs';
import { buildSchema, execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';

/** The schema the SDK is generated from. */
export const tribeSchema: GraphQLSchema = buildSchema(readFileSync(new URL('../../schema/tribe.graphql', import.meta.url), 'utf8'));

/**
 * Checks that `data` is a schema-valid answer to `query`: it re-executes the query over the data, so
 * graphql-js itself checks every scalar (String, Int, Boolean, enums), every non-null and every list.
 * Abstract types must select `__typename`. Returns the problems found; none means valid.
 */
export function conformanceErrors(query: string, data: unknown, variables?: Record<string, unknown>): string[] {
  const result = execute({
    schema: tribeSchema,
    document: parse(query),
    rootValue: data,
    variableValues: variables,
    fieldResolver: (source: Record<string, unknown>, _args, _context, info) => source[info.path.key as string],
    typeResolver: (value: { __typename?: string }) => value.__typename,
  }) as ExecutionResult;
  const problems = (result.errors ?? []).map((error) => `${error.path?.join('.') ?? ''}: ${error.message}`);
  if (JSON.stringify(result.data) !== JSON.stringify(data)) problems.push('the answer has fields the query did not select, or lacks some');
  return problems;
}
