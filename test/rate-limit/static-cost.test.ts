import { readFileSync } from 'node:fs';
import {
  Kind,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  print,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { graphql as tada } from 'gql.tada';
import { gql } from 'graphql-tag';
import { describe, expect, it } from 'vitest';
import { operationCosts } from '../../generated/costs.js';
import { operationCostsOf } from '../../packages/tools/src/codegen/cost-plugin.js';
import { definitionsOf, fragmentsUsedBy, readOperationFiles } from '../../packages/tools/src/cli/operation-files.js';
import { evaluateStaticCost, type StaticCost } from '../../src/index.js';
import { asBearer, basicHeader, mintTokenRaw, postGraphQL } from '../emulator/raw-graphql.js';
import { useEmulator } from '../support/emulator.js';

const schema = buildSchema(readFileSync('schema/tribe.graphql', 'utf8'));
const emulator = useEmulator();
/** The page size the comparison asks for, so that a page term counts for more than its base. */
const PAGE = 7;

/** A value the variable's type accepts: enough to pass coercion, so the API computes the cost. */
function sampleValue(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name);
  if (isListType(type)) return [sampleValue(type.ofType as GraphQLInputType, name)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, sampleValue(field.type, field.name)]),
    );
  }
  if (named.name === 'Int') return name === 'limit' ? PAGE : 1;
  if (named.name === 'Float') return 1;
  if (named.name === 'Boolean') return false;
  return 'sample';
}

/** Values for the operation's required variables and its page sizes; `withPages: false` leaves optional page sizes out. */
function sampleVariables(operation: OperationDefinitionNode, withPages: boolean): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType;
    const name = definition.variable.name.value;
    if (definition.type.kind === Kind.NON_NULL_TYPE || (withPages && name === 'limit')) variables[name] = sampleValue(type, name);
  }
  return variables;
}

/** The complexity the emulator reports for the document with these variables, sent with a bearer token (or Basic, for the mint). */
async function reported(token: string, document: DocumentNode | string, variables: Record<string, unknown>, basic = false): Promise<unknown> {
  const e = emulator.current;
  const query = typeof document === 'string' ? document : print(document);
  const answer = basic
    ? await postGraphQL(e.url, query, { variables, authorization: basicHeader(e.clientId, e.clientSecret) })
    : await asBearer(e, token, query, variables);
  return (answer.body as { extensions?: { complexity?: unknown } }).extensions?.complexity;
}

/** The one operation's static cost, as an app's codegen computes it from its own documents. */
function appCost(document: DocumentNode | string): StaticCost {
  const costs = operationCostsOf(schema, [typeof document === 'string' ? parse(document) : document]);
  expect(costs).toHaveLength(1);
  return costs[0]![1];
}

describe('static costs from codegen', () => {
  it('equal the complexity the emulator reports, for every operation in operations/, with and without page sizes given', async () => {
    const { operations, fragments } = definitionsOf(await readOperationFiles('operations'));
    const token = await mintTokenRaw(emulator.current);
    const mismatches: string[] = [];
    let paged = 0;
    for (const { operation } of operations) {
      const name = operation.name!.value;
      const cost = (operationCosts as Record<string, StaticCost>)[name];
      expect(cost, name).toBeDefined();
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsUsedBy(operation, fragments).map((used) => used.fragment)] };
      for (const withPages of [true, false]) {
        const variables = sampleVariables(operation, withPages);
        const expected = evaluateStaticCost(cost!, variables);
        const isMint = name === 'limitedToken';
        const actual = await reported(
          token,
          document,
          isMint ? { ...variables, context: 'NETWORK', networkId: emulator.current.networkId } : variables,
          isMint,
        );
        if (actual !== expected) mismatches.push(`${name} ${JSON.stringify(variables)}: static ${expected}, reported ${String(actual)}`);
        if (withPages && cost!.pages?.length) paged += 1;
      }
    }
    expect(mismatches).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(40);
    expect(paged).toBeGreaterThanOrEqual(15);
  });

  it('equal it for documents written as apps write them: Apollo gql, gql.tada, plain strings', async () => {
    const token = await mintTokenRaw(emulator.current);
    const memberFields = gql`
      fragment MemberCard on Member {
        id
        name
        role {
          id
          name
        }
      }
    `;
    const apollo = gql`
      query spacesWithMembers($limit: Int = 4, $memberLimit: Int!) {
        spaces(limit: $limit) {
          totalCount
          nodes {
            id
            name
            members(limit: $memberLimit) {
              nodes {
                member {
                  ...MemberCard
                }
              }
            }
          }
        }
      }
      ${memberFields}
    `;
    const postFields = tada(`
      fragment PostBits on Post {
        id
        title
        owner { member { id name } }
        tags { id title }
      }
    `);
    const tadaQuery = tada(
      `
      query feedWithPosts($limit: Int!) {
        feed(limit: $limit) { edges { node { ...PostBits } } pageInfo { hasNextPage } }
        network { id name }
      }
    `,
      [postFields],
    );
    const plain = `query mixed($size: Int = 3) {
      authMember { id ... on Member { name role { name } } }
      members(limit: $size) { nodes { id name } }
      tags(limit: 2) { nodes { id } }
      posts(limit: 0) { nodes { id } }
    }`;
    const cases: Array<[string, DocumentNode | string, Record<string, unknown>[]]> = [
      ['apollo', apollo, [{ memberLimit: 3 }, { limit: 2, memberLimit: 5 }, { limit: null, memberLimit: 1 }]],
      ['gql.tada', tadaQuery as unknown as DocumentNode, [{ limit: 6 }, { limit: 1 }]],
      ['plain string', plain, [{}, { size: 9 }]],
    ];
    for (const [style, document, runs] of cases) {
      const cost = appCost(document);
      for (const variables of runs) {
        expect({ style, variables, cost: evaluateStaticCost(cost, variables) }).toEqual({ style, variables, cost: await reported(token, document, variables) });
      }
    }
    // The nested page stays a formula of both variables: 2 + $limit × (1 + 2 + $memberLimit × (1 + 1 + 1)), $limit 4 by default.
    expect(evaluateStaticCost(appCost(apollo), { memberLimit: 3 })).toBe(2 + 4 * (1 + 2 + 3 * 3));
  });
});
