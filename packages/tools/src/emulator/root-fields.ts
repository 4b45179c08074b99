import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { notModelled } from './api-error.js';

/** The root types whose fields the emulator either answers from its state or refuses as not modelled. */
const ROOT_TYPES = ['Query', 'Mutation'] as const;

/** One root type's fields, split by whether the emulator answers them from its state. */
export interface RootFieldCoverage {
  typeName: (typeof ROOT_TYPES)[number];
  modelled: string[];
  unmodelled: string[];
}

type Resolvers = Partial<Record<(typeof ROOT_TYPES)[number], Record<string, unknown>>>;

function rootType(schema: GraphQLSchema, typeName: (typeof ROOT_TYPES)[number]): GraphQLObjectType | null | undefined {
  return typeName === 'Query' ? schema.getQueryType() : schema.getMutationType();
}

/** Which root fields of `schema` the resolvers answer, and which they leave out, sorted by name. */
export function rootFieldCoverage(schema: GraphQLSchema, resolvers: Resolvers): RootFieldCoverage[] {
  return ROOT_TYPES.map((typeName) => {
    const names = Object.keys(rootType(schema, typeName)?.getFields() ?? {}).sort();
    const answered = resolvers[typeName] ?? {};
    return { typeName, modelled: names.filter((name) => name in answered), unmodelled: names.filter((name) => !(name in answered)) };
  });
}

/** Makes every root field the resolvers leave out answer the "not modelled" error instead of generated data. */
export function refuseUnmodelled(schema: GraphQLSchema, resolvers: Resolvers): void {
  for (const { typeName, unmodelled } of rootFieldCoverage(schema, resolvers)) {
    const fields = rootType(schema, typeName)!.getFields();
    for (const name of unmodelled) {
      fields[name]!.resolve = () => {
        throw notModelled(typeName, name);
      };
    }
  }
}
