import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mergedResolvers } from '../../packages/tools/src/emulator/executable-schema.js';
import { OFFICIAL_CLIENT_SCHEMA_PATH } from '../support/schema-generations.js';
import { startOwnEmulator, useEmulator } from '../support/emulator.js';
import { asBearer, mintTokenRaw } from './raw-graphql.js';
import { conformanceErrors, tribeSchema } from './schema-conformance.js';

const emulator = useEmulator();

// recommendPosts is new in 2024 and has no stateful resolver: the schema-driven mocks answer it.
const RECOMMEND = `query recommendPosts { recommendPosts(limit: 2, positiveResourceIds: ["Pst0000001"]) { id title status createdAt } }`;

describe('the emulator on either schema generation', () => {
  it('serves, on the default snapshot, a field for every stateful resolver it has', () => {
    const resolvers = mergedResolvers() as Record<string, Record<string, unknown>>;
    const missing = Object.entries(resolvers).flatMap(([typeName, fields]) => {
      const type = tribeSchema.getType(typeName);
      if (!isObjectType(type)) return [typeName];
      return Object.keys(fields)
        .filter((field) => !(field in type.getFields()))
        .map((field) => `${typeName}.${field}`);
    });
    expect(missing).toEqual([]);
  });

  it('answers a 2024 field it stores nothing for with schema-valid mock data', async () => {
    const answer = await asBearer(emulator.current, await mintTokenRaw(emulator.current), RECOMMEND);
    expect(answer.body.errors).toBeUndefined();
    expect(conformanceErrors(RECOMMEND, answer.body.data)).toEqual([]);
  });

  it("starts on the official client's 2023 schema: 2023 fields run, 2024 ones are validation errors", async () => {
    const old = await startOwnEmulator({ schemaPath: OFFICIAL_CLIENT_SCHEMA_PATH });
    const token = await mintTokenRaw(old);
    const spaces = await asBearer(old, token, '{ spaces(limit: 5) { nodes { id } } getSpaces(limit: 1) { totalCount } }');
    expect(spaces.body.errors).toBeUndefined();
    expect((spaces.body.data!.spaces as { nodes: Array<{ id: string }> }).nodes.map((space) => space.id)).toEqual(
      old.store.data.spaces.map((space) => space.id),
    );
    const installations = await asBearer(old, token, '{ networkAppInstallations(limit: 5) { totalCount } }');
    expect(installations.body.errors?.[0]?.message).toContain('Cannot query field "networkAppInstallations" on type "Query".');
  });
});
