import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mergedResolvers } from '../../packages/tools/src/emulator/executable-schema.js';
import { OFFICIAL_CLIENT_SCHEMA_PATH } from '../support/schema-generations.js';
import { startOwnEmulator, useEmulator } from '../support/emulator.js';
import { asBearer, mintTokenRaw } from './raw-graphql.js';
import { tribeSchema } from './schema-conformance.js';

const emulator = useEmulator();

// recommendPosts is new in 2024 and has no stateful resolver: it answers the "not modelled" error, not generated posts.
const RECOMMEND = `query recommendPosts { recommendPosts(limit: 2, positiveResourceIds: ["Pst0000001"]) { id title status createdAt } }`;

describe('the emulator on either schema generation', () => {
  it('serves, on the default snapshot or the 2023 one, a field for every stateful resolver it has', () => {
    const resolvers = mergedResolvers() as Record<string, Record<string, unknown>>;
    const official = buildSchema(readFileSync(OFFICIAL_CLIENT_SCHEMA_PATH, 'utf8'));
    const missing = Object.entries(resolvers).flatMap(([typeName, fields]) => {
      const types = [tribeSchema.getType(typeName), official.getType(typeName)].filter(isObjectType);
      if (types.length === 0) return [typeName];
      return Object.keys(fields)
        .filter((field) => !types.some((type) => field in type.getFields()))
        .map((field) => `${typeName}.${field}`);
    });
    expect(missing).toEqual([]);
  });

  it('answers a 2024 root field it does not model with the "not modelled" error, not with generated data', async () => {
    const answer = await asBearer(emulator.current, await mintTokenRaw(emulator.current), RECOMMEND);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ code: '118', message: expect.stringContaining('does not model Query.recommendPosts'), extensions: { notModelled: true } }),
    ]);
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
