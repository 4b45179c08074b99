import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLNonNull, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSortedSchema } from '../../src/cli/schema-pull.js';

const text = readFileSync(new URL('../../schema/tribe.graphql', import.meta.url), 'utf8');
const schema = buildSchema(text);

describe('schema/tribe.graphql', () => {
  it('is a sorted snapshot: printing it sorted gives the same text', () => {
    expect(printSortedSchema(schema)).toBe(text);
  });

  it('holds the 501 types of @tribeplatform/gql-client 2.4.0', () => {
    const named = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'));
    expect(named).toHaveLength(501);
  });

  it('has limitedToken(context: PermissionContext!, entityId: String!, impersonateMemberId: String, networkId: String!): AppToken!', () => {
    const field = schema.getQueryType()!.getFields().limitedToken!;
    const args = Object.fromEntries(field.args.map((arg) => [arg.name, String(arg.type)]));
    expect(args).toEqual({ context: 'PermissionContext!', entityId: 'String!', impersonateMemberId: 'String', networkId: 'String!' });
    expect(field.type).toBeInstanceOf(GraphQLNonNull);
    const appToken = schema.getType('AppToken');
    expect(isObjectType(appToken) && Object.fromEntries(Object.values(appToken.getFields()).map((f) => [f.name, String(f.type)]))).toEqual({
      accessToken: 'String!',
      gatewayUrl: 'String',
    });
  });
});
