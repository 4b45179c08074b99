import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tribe-sdk-costs-'));
  await writeFile(join(dir, 'cheap.graphql'), 'query cheapMember($id: ID!) { member(id: $id) { id name role { id } } }\n');
  await writeFile(join(dir, 'paged.graphql'), 'query pagedMembers($limit: Int = 25) { members(limit: $limit) { nodes { id name role { id } } } }\n');
  await writeFile(join(dir, 'dear.graphql'), 'query dearPosts { posts(limit: 100) { nodes { id title space { id } tags { id } } } }\n');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('tribe-sdk schema validate', () => {
  it("prints each operation's cost in a column, a page sized by a variable as its formula, and warns of one over 1,000", async () => {
    const run = await runBin(['schema', 'validate', '--schema', 'schema/tribe.graphql', '--operations', dir], {});
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('3 operation(s) and 0 fragment(s) in 3 file(s) are valid');
    expect(lines[1]).toMatch(/^ +cost {2}operation +file$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ +2 {2}cheapMember +.*cheap\.graphql$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ +2 \+ 2 × \$limit \(\$limit = 25: 52\) {2}pagedMembers +.*paged\.graphql$/));
    // 2 + 100 × (1 post + 1 space + 5 × 1 tag list).
    expect(lines).toContainEqual(expect.stringMatching(/^ +702 {2}dearPosts +.*dear\.graphql$/));
    expect(run.stderr).toBe('');

    await writeFile(
      join(dir, 'dear.graphql'),
      'query dearPosts { posts(limit: 100) { nodes { id title space { id } tags { id } owner { member { id } } } } }\n',
    );
    const warned = await runBin(['schema', 'validate', '--schema', 'schema/tribe.graphql', '--operations', dir], {});
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/ 902 {2}dearPosts /);
    expect(warned.stderr).toBe('');
    await writeFile(join(dir, 'dear.graphql'), 'query dearPosts { posts(limit: 150) { nodes { id title space { id } tags { id } } } }\n');
    const over = await runBin(['schema', 'validate', '--schema', 'schema/tribe.graphql', '--operations', dir], {});
    expect(over.code).toBe(0);
    expect(over.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^tribe-sdk: warning: operation "dearPosts" \(.*dear\.graphql\) costs 1052, over the advised 1000 per query$/),
    ]);
  });
});
