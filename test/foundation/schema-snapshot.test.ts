import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLNonNull, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFromText, printSortedSchema } from '../../packages/tools/src/cli/schema-pull.js';
import { OFFICIAL_CLIENT_SCHEMA_PATH } from '../support/schema-generations.js';

const text = readFileSync(new URL('../../schema/tribe.graphql', import.meta.url), 'utf8');
const schema = buildSchema(text);
const officialClientSdl = readFileSync(OFFICIAL_CLIENT_SCHEMA_PATH, 'utf8');

/** Every named type, the 8 introspection types (`__Schema`, ...) included, as the type map holds them. */
function typeCount(of: GraphQLSchema): number {
  return Object.keys(of.getTypeMap()).length;
}

function argumentsOf(of: GraphQLSchema, field: string): Record<string, string> {
  const fields = of.getQueryType()!.getFields();
  return Object.fromEntries(fields[field]!.args.map((arg) => [arg.name, String(arg.type)]));
}

describe('schema/tribe.graphql', () => {
  it('is a sorted snapshot: printing it sorted gives the same text', () => {
    expect(printSortedSchema(schema)).toBe(text);
  });

  it('holds the 606 types of the 2024-09 surface (598 besides the introspection types)', () => {
    expect(typeCount(schema)).toBe(606);
    expect(Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'))).toHaveLength(598);
  });

  it('has limitedToken(context: PermissionContext, entityId: String, impersonateMemberId: String, networkId: String!): AppToken!', () => {
    expect(argumentsOf(schema, 'limitedToken')).toEqual({
      context: 'PermissionContext',
      entityId: 'String',
      impersonateMemberId: 'String',
      networkId: 'String!',
    });
    expect(schema.getQueryType()!.getFields().limitedToken!.type).toBeInstanceOf(GraphQLNonNull);
    const appToken = schema.getType('AppToken');
    expect(isObjectType(appToken) && Object.fromEntries(Object.values(appToken.getFields()).map((f) => [f.name, String(f.type)]))).toEqual({
      accessToken: 'String!',
      gatewayUrl: 'String',
    });
  });
});

describe('the 2023 generation: the schema of @tribeplatform/gql-client 2.4.0', () => {
  const official = schemaFromText(officialClientSdl);

  it('has 509 types (501 besides the introspection types), the previous snapshot', () => {
    expect(typeCount(official)).toBe(509);
    expect(Object.keys(official.getTypeMap()).filter((name) => !name.startsWith('__'))).toHaveLength(501);
  });

  it('still required context and entityId on limitedToken, which the SDK keeps passing as non-null variables', () => {
    expect(argumentsOf(official, 'limitedToken')).toEqual({
      context: 'PermissionContext!',
      entityId: 'String!',
      impersonateMemberId: 'String',
      networkId: 'String!',
    });
  });
});
