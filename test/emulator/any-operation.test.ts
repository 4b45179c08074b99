import { parse, validate, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { asBearer, mintTokenRaw } from './raw-graphql.js';
import { conformanceErrors, tribeSchema } from './schema-conformance.js';

const emulator = useEmulator();

/** A user's own operation, in no file under operations/, selecting fields the emulator does not store. */
const USER_QUERY = `query myPlanAndStats($limit: Int!) {
  network {
    id
    name
    status
    seatCapacityDeclared
    subscriptionPlan { name trial seatCapacity memberCapacity renewalType createdAt endDate }
    roles { id name type scopes }
  }
  spaces(limit: $limit) {
    totalCount
    nodes { id name private slug }
  }
}`;

describe('operations the SDK does not ship', () => {
  it('run and return schema-valid data, with stored values where the emulator has them', async () => {
    const e = emulator.current;
    const answer = await asBearer(e, await mintTokenRaw(e), USER_QUERY, { limit: 2 });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const data = answer.body.data!;
    expect(conformanceErrors(USER_QUERY, data, { limit: 2 })).toEqual([]);
    expect(data.network.id).toBe(e.networkId);
    expect(data.network.name).toBe(e.store.data.network.name);
    const plan = data.network.subscriptionPlan;
    expect(plan).toBeTypeOf('object');
    expect(plan).not.toBeNull();
    expect((tribeSchema.getType('PlanName') as GraphQLEnumType).getValues().map((value) => value.name)).toContain(plan.name);
    expect(typeof plan.trial).toBe('boolean');
    expect(Number.isInteger(plan.seatCapacity)).toBe(true);
    expect(Number.isNaN(Date.parse(plan.createdAt))).toBe(false);
    expect(data.spaces.nodes).toHaveLength(2);
    expect(data.spaces.totalCount).toBeGreaterThanOrEqual(2);
  });

  it('the conformance check itself catches a wrong type, a null in a non-null field and a bad enum value', () => {
    const query = '{ network { id subscriptionPlan { name trial seatCapacity } } }';
    const good = { network: { id: 'N1', subscriptionPlan: { name: 'Basic', trial: false, seatCapacity: 3 } } };
    expect(conformanceErrors(query, good)).toEqual([]);
    expect(conformanceErrors(query, { network: { id: 'N1', subscriptionPlan: { name: 'Basic', trial: 'no', seatCapacity: 3 } } })).not.toEqual([]);
    expect(conformanceErrors(query, { network: { id: null, subscriptionPlan: null } })).not.toEqual([]);
    expect(conformanceErrors(query, { network: { id: 'N1', subscriptionPlan: { name: 'Gold', trial: false, seatCapacity: 3 } } })).not.toEqual([]);
    expect(conformanceErrors(query, { network: { id: 'N1', subscriptionPlan: { name: 'Basic', trial: false, seatCapacity: 1.5 } } })).not.toEqual([]);
  });

  it('an invalid operation gets the standard GraphQL validation error, before any auth check', async () => {
    const e = emulator.current;
    const invalid = '{ network { id noSuchField } }';
    const expected = validate(tribeSchema, parse(invalid)).map((error) => error.message);
    expect(expected).toEqual(['Cannot query field "noSuchField" on type "Network".']);
    for (const token of [await mintTokenRaw(e), 'junk']) {
      const answer = await asBearer(e, token, invalid);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors?.map((error) => error.message)).toEqual(expected);
      expect(answer.body.errors?.[0]).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', locations: [{ line: 1, column: 16 }] });
    }
  });

  it('a missing required variable is a validation error too', async () => {
    const e = emulator.current;
    const answer = await asBearer(e, await mintTokenRaw(e), USER_QUERY, {});
    expect(answer.body.errors?.[0]?.message).toMatch(/Variable "\$limit" of required type "Int!" was not provided/);
  });
});
