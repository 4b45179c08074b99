import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTribeClient } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

/** Fields a `Bits` fragment on Member may select: every operation gets its own body under the same name. */
const MEMBER_FIELDS = ['id', 'name', 'username', 'status', 'role { id name }', 'createdAt'];

/** Root selections an operation may have; each uses the same variable names as the others ($id, $flag, $limit). */
const ROOTS = [
  { text: 'member(id: $id) { ...Bits }', uses: ['id', 'bits'] },
  { text: 'who: member(id: $id) { id name @include(if: $flag) }', uses: ['id', 'flag'] },
  { text: 'network { id name @skip(if: $flag) }', uses: ['flag'] },
  { text: 'spaces(limit: $limit) { totalCount nodes { id name } }', uses: ['limit'] },
  { text: '__typename', uses: [] },
  { text: '... on Query { tags(limit: 2) { nodes { id title } } }', uses: [] },
  { text: '...RootBits', uses: ['root'] },
  { text: 'missing: member(id: "MbrNoSuchOne") { id }', uses: [] },
];

const operationArbitrary = fc.record({
  roots: fc.uniqueArray(fc.integer({ min: 0, max: ROOTS.length - 1 }), { minLength: 1, maxLength: 4 }),
  bits: fc.uniqueArray(fc.constantFrom(...MEMBER_FIELDS), { minLength: 1, maxLength: 4 }),
  member: fc.nat(),
  flag: fc.boolean(),
  limit: fc.integer({ min: 1, max: 5 }),
});

type Generated = { roots: number[]; bits: string[]; member: number; flag: boolean; limit: number };

/** The operation's text and variables: only the variables and fragments it uses are declared. */
function operationOf(generated: Generated, index: number, memberIds: string[]): { query: string; variables: Record<string, unknown> } {
  const roots = generated.roots.map((root) => ROOTS[root]!);
  const uses = new Set(roots.flatMap((root) => root.uses));
  const declared: string[] = [];
  const variables: Record<string, unknown> = {};
  if (uses.has('id')) {
    declared.push('$id: ID!');
    variables.id = memberIds[generated.member % memberIds.length];
  }
  if (uses.has('flag')) {
    declared.push('$flag: Boolean!');
    variables.flag = generated.flag;
  }
  if (uses.has('limit')) {
    declared.push('$limit: Int!');
    variables.limit = generated.limit;
  }
  const fragments = [
    ...(uses.has('bits') ? [`fragment Bits on Member { ${generated.bits.join(' ')} }`] : []),
    ...(uses.has('root') ? [`fragment RootBits on Query { network { id } spaces(limit: ${generated.limit}) { nodes { id } } }`] : []),
  ];
  const head = declared.length > 0 ? `(${declared.join(', ')})` : '';
  return { query: [`query op${index}${head} { ${roots.map((root) => root.text).join(' ')} }`, ...fragments].join('\n'), variables };
}

/** What a caller saw: its data, or its error's class, errors, data and message. */
async function outcome(call: Promise<unknown>): Promise<unknown> {
  try {
    return { data: await call };
  } catch (error) {
    const { errors, data, message } = error as { errors?: unknown; data?: unknown; message: string };
    return { error: (error as Error).constructor.name, errors, data, message };
  }
}

describe('coalesce, property-based', () => {
  it('gives every caller of a merged set of operations what separate execution gives it', async () => {
    const e = emulator.current;
    const memberIds = e.store.data.members.filter((member) => !member.isBot).map((member) => member.id);
    const separate = createTribeClient(appOptions(e));
    const merged = createTribeClient({ ...appOptions(e), coalesce: true });
    let mergedRequests = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(operationArbitrary, { minLength: 2, maxLength: 6 }), async (set) => {
          const operations = set.map((generated, index) => operationOf(generated, index, memberIds));
          const expected: unknown[] = [];
          for (const { query, variables } of operations) expected.push(await outcome(separate.request(query, variables)));
          const before = e.requestCount('coalesced');
          const actual = await Promise.all(operations.map(({ query, variables }) => outcome(merged.request(query, variables))));
          mergedRequests += e.requestCount('coalesced') - before;
          expect(actual).toEqual(expected);
        }),
        { numRuns: 25, seed: 27 },
      );
      expect(mergedRequests).toBeGreaterThanOrEqual(20);
    } finally {
      separate.close();
      merged.close();
    }
  });
});
