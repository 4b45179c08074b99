import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_CLIENT_SCHEMA_PATH, SCHEMA_2024_09_PATH } from '../support/schema-generations.js';
import { createTempCheckout, type TempCheckout } from './temp-checkout.js';

// Valid on the 2023 schema, where Query.getSpaces was deprecated; the 2024-09 schema removed it.
const GET_SPACES = 'query getSpacesCompat { getSpaces(limit: 5) { nodes { id name } } }\n';

/** The operations that use root fields the 2023 schema lacks: the ones this move added. */
const NEW_IN_2024 = [
  'apiRateLimitStats',
  'authMemberAppInstallation',
  'authMemberAppInstallations',
  'membersByIds',
  'networkAppInstallations',
  'searchMembers',
  'searchPosts',
  'searchSpaces',
  'spaceJoinRequests',
];

/** The operations that pass arguments 2024 added to their root fields (member's externalId, ...). */
const WITH_2024_ARGUMENTS = ['feed', 'member', 'posts', 'removeReaction', 'spaces', 'tags'];

/** The operation names `schema validate` complains about, one per problem line. */
function refusedOperations(stderr: string): string[] {
  return [...new Set([...stderr.matchAll(/operation "(\w+)"/g)].map((match) => match[1]!))].sort();
}

describe('both schema generations, in a temp copy', () => {
  let checkout: TempCheckout;

  beforeAll(async () => {
    checkout = await createTempCheckout();
    await mkdir(join(checkout.dir, 'operations/custom'), { recursive: true });
    await writeFile(join(checkout.dir, 'operations/custom/getSpacesCompat.graphql'), GET_SPACES);
  });

  afterAll(async () => {
    await checkout?.remove();
  });

  it("on the official client's 2023 schema, getSpaces validates; only the operations that need 2024 fields or arguments do not", async () => {
    const pull = await checkout.npm('schema:pull', ['--from', OFFICIAL_CLIENT_SCHEMA_PATH]);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toContain('added Query.getSpaces:');
    const validate = await checkout.tribeSdk(['schema', 'validate']);
    expect(validate.code).toBe(1);
    expect(refusedOperations(validate.stderr)).toEqual([...NEW_IN_2024, ...WITH_2024_ARGUMENTS].sort());
    expect(validate.stderr).not.toContain('getSpacesCompat');
    expect(validate.stderr).toContain(
      'operations/app/networkAppInstallations.graphql: operation "networkAppInstallations": Cannot query field "networkAppInstallations" on type "Query".',
    );
  });

  it('on the 2024-09 schema, the getSpaces operation fails schema validate naming the removed field, and nothing else does', async () => {
    const pull = await checkout.npm('schema:pull', ['--from', SCHEMA_2024_09_PATH]);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toContain("removed Query.getSpaces: Field 'getSpaces' (deprecated) was removed from object type 'Query'");
    expect(pull.stdout).toContain('    hits operations/custom/getSpacesCompat.graphql: query getSpacesCompat');
    const validate = await checkout.tribeSdk(['schema', 'validate']);
    expect(validate.code).toBe(1);
    const problems = validate.stderr.split('\n').filter((line) => line.startsWith('operations/'));
    expect(problems).toEqual([
      expect.stringContaining('operations/custom/getSpacesCompat.graphql: operation "getSpacesCompat": Cannot query field "getSpaces" on type "Query".'),
    ]);
    expect(validate.stderr).toContain('1 problem(s) in operations/');
  });
}, 120_000);
