import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getNamedType, isCompositeType, isNonNullType, Kind, parse, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mergedResolvers } from '../../packages/tools/src/emulator/executable-schema.js';
import { rootFieldCoverage } from '../../packages/tools/src/emulator/root-fields.js';
import { EMULATOR_DOC, withRootFieldSection } from '../../scripts/emulator-root-fields.js';
import { useEmulator } from '../support/emulator.js';
import { asBearer, mintTokenRaw } from './raw-graphql.js';
import { tribeSchema } from './schema-conformance.js';

const emulator = useEmulator();
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const coverage = rootFieldCoverage(tribeSchema, mergedResolvers());

function graphqlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : graphqlFiles(path);
    return name.endsWith('.graphql') ? [path] : [];
  });
}

/** `Query.x` / `Mutation.x` for every root field the operations in these folders select. */
function rootFieldsUsedIn(directories: string[]): Set<string> {
  const used = new Set<string>();
  for (const file of directories.flatMap((directory) => graphqlFiles(join(REPO, directory)))) {
    for (const definition of parse(readFileSync(file, 'utf8')).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const typeName = definition.operation === 'mutation' ? 'Mutation' : 'Query';
      for (const selection of definition.selectionSet.selections) if (selection.kind === Kind.FIELD) used.add(`${typeName}.${selection.name.value}`);
    }
  }
  return used;
}

describe('root fields: answered from state, or refused as not modelled', () => {
  it('docs/emulator.md lists them exactly as the resolvers have them (npm run docs:emulator rewrites the list)', () => {
    const doc = readFileSync(EMULATOR_DOC, 'utf8');
    expect(withRootFieldSection(doc)).toBe(doc);
  });

  it('every root field an operation of the SDK, its examples or its test fixtures selects is answered from state', () => {
    const modelled = new Set(coverage.flatMap(({ typeName, modelled }) => modelled.map((name) => `${typeName}.${name}`)));
    const used = rootFieldsUsedIn(['operations', 'examples', 'test/fixtures']);
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((field) => !modelled.has(field))).toEqual([]);
  });

  it('every unmodelled root field that takes no required argument answers the not-modelled error over HTTP, and no data', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    const callable = coverage.flatMap(({ typeName, unmodelled }) => {
      const fields = (typeName === 'Query' ? tribeSchema.getQueryType() : tribeSchema.getMutationType())!.getFields();
      return unmodelled
        .map((name) => fields[name] as GraphQLField<unknown, unknown>)
        .filter((field) => field.args.every((argument) => !isNonNullType(argument.type) || argument.defaultValue !== undefined))
        .map((field) => ({ typeName, name: field.name, selection: isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '' }));
    });
    expect(callable.length).toBeGreaterThan(30);
    const answers = await Promise.all(
      callable.map(async ({ typeName, name, selection }) => {
        const answer = await asBearer(e, token, `${typeName === 'Mutation' ? 'mutation ' : ''}{ ${name}${selection} }`);
        return { field: `${typeName}.${name}`, status: answer.status, data: answer.body.data?.[name] ?? null, error: answer.body.errors?.[0] };
      }),
    );
    const wrong = answers.filter(
      ({ field, status, data, error }) =>
        status !== 200 ||
        data !== null ||
        error?.code !== '118' ||
        !String(error.message).includes(`does not model ${field}`) ||
        !(error.extensions as { notModelled?: boolean } | undefined)?.notModelled,
    );
    expect(wrong).toEqual([]);
  });
});
