import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocumentFiles, readOperationFiles, type OperationFile } from '../../packages/tools/src/cli/operation-files.js';
import { formatSchemaReport, reportSchemaChanges } from '../../packages/tools/src/cli/schema-report.js';
import { validateOperationFiles } from '../../packages/tools/src/cli/validate-operations.js';

const BEFORE = `
type Query {
  post(id: ID!, draft: Boolean): Post
  posts(filter: PostFilter, order: Order): [Post!]!
  search(query: String!): [SearchHit!]!
  network: Network
}
type Mutation { createPost(input: CreatePostInput!): Post }
type Post { id: ID! title: String shortContent: String old: String @deprecated(reason: "use title") }
type Network { id: ID! name: String }
type Space { id: ID! name: String }
union SearchHit = Post | Space
input PostFilter { spaceId: ID }
input CreatePostInput { title: String! }
enum Order { NEWEST OLDEST }
`;

const OPERATIONS: Record<string, string> = {
  'fragments/post.graphql': 'fragment PostFields on Post { id title shortContent }',
  'posts/post.graphql': 'query post($id: ID!) { post(id: $id, draft: false) { ...PostFields } }',
  'posts/posts.graphql': 'query posts($order: Order) { posts(order: $order) { id } }',
  'posts/createPost.graphql': 'mutation createPost($input: CreatePostInput!) { createPost(input: $input) { id } }',
  'search/search.graphql': 'query search { search(query: "x") { ... on Space { id name } ... on Post { id } } }',
  'network/network.graphql': 'query network { network { id name } }',
};

let dir: string;
let files: OperationFile[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tribe-sdk-report-'));
  for (const [path, text] of Object.entries(OPERATIONS)) {
    await mkdir(dirname(join(dir, 'operations', path)), { recursive: true });
    await writeFile(join(dir, 'operations', path), text);
  }
  files = await readOperationFiles(join(dir, 'operations'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

/** The report for BEFORE changed by `edit`, keyed by path, with hits shortened to the label. */
async function reportFor(edit: (sdl: string) => string) {
  const report = await reportSchemaChanges(BEFORE, edit(BEFORE), files);
  return { report, byPath: new Map(report.changes.map((change) => [change.path, change])) };
}
const labels = (hits: string[]) => hits.map((hit) => hit.slice(hit.indexOf(': ') + 2)).sort();

describe('reportSchemaChanges', () => {
  it('finds no changes between identical snapshots, deprecations included', async () => {
    const { report } = await reportFor((sdl) => sdl);
    expect(report.changes).toEqual([]);
    expect(formatSchemaReport(report)).toBe('Schema changes: none.\n');
  });

  it('traces a removed field through the fragment to every operation that spreads it', async () => {
    const { report, byPath } = await reportFor((sdl) => sdl.replace(' shortContent: String', ' summary: String'));
    const removed = byPath.get('Post.shortContent')!;
    expect(removed).toMatchObject({ level: 'breaking', action: 'removed' });
    expect(labels(removed.hits)).toEqual(['fragment PostFields', 'query post']);
    expect(removed.hits).toContain(`${join(dir, 'operations')}/posts/post.graphql: query post`);
    expect(byPath.get('Post.summary')).toMatchObject({ level: 'safe', action: 'added', hits: [] });
    expect(report.counts).toEqual({ breaking: 1, dangerous: 0, safe: 1 });
  });

  it('hits only operations that pass a removed argument, and all that select a field given a required one', async () => {
    const removed = await reportFor((sdl) => sdl.replace(', draft: Boolean', ''));
    expect(labels(removed.byPath.get('Query.post.draft')!.hits)).toEqual(['query post']);
    const required = await reportFor((sdl) => sdl.replace('posts(filter: PostFilter, order: Order)', 'posts(filter: PostFilter, order: Order, spaceId: ID!)'));
    expect(labels(required.byPath.get('Query.posts.spaceId')!.hits)).toEqual(['query posts']);
  });

  it('hits operations whose variables carry a changed input type or enum', async () => {
    const input = await reportFor((sdl) => sdl.replace('input CreatePostInput { title: String! }', 'input CreatePostInput { title: String! spaceId: ID! }'));
    expect(labels(input.byPath.get('CreatePostInput.spaceId')!.hits)).toEqual(['mutation createPost']);
    const value = await reportFor((sdl) => sdl.replace('enum Order { NEWEST OLDEST }', 'enum Order { NEWEST }'));
    expect(value.byPath.get('Order.OLDEST')).toMatchObject({ level: 'breaking', action: 'removed' });
    expect(labels(value.byPath.get('Order.OLDEST')!.hits)).toEqual(['query posts']);
  });

  it('hits operations that select through a removed type or union member', async () => {
    const { byPath } = await reportFor((sdl) =>
      sdl.replace('union SearchHit = Post | Space', 'union SearchHit = Post').replace('type Space { id: ID! name: String }', ''),
    );
    expect(labels(byPath.get('Space')!.hits)).toEqual(['query search']);
    expect(labels(byPath.get('SearchHit')!.hits)).toEqual(['query search']);
  });
});

describe('validateOperationFiles', () => {
  it('names the file, the operation, the message and where the bad field is', async () => {
    const schema = buildSchema(BEFORE.replace(' shortContent: String', ''));
    const problems = validateOperationFiles(schema, files);
    const fragmentFile = `${join(dir, 'operations')}/fragments/post.graphql`;
    expect(problems).toEqual([
      `${join(dir, 'operations')}/posts/post.graphql: operation "post": Cannot query field "shortContent" on type "Post". (${fragmentFile}:1:40)`,
    ]);
    expect(validateOperationFiles(buildSchema(BEFORE), files)).toEqual([]);
  });

  it('reports errors in operations inside .ts files at their line and column in the file', async () => {
    const extra = await mkdtemp(join(tmpdir(), 'tribe-sdk-inline-'));
    try {
      const inline = "import { graphql } from './graphql/client';\nexport const doc = graphql(`\n  query inline { network { id nope } }\n`);\n";
      const broken = "import { graphql } from './graphql/client';\n\n  export const other = graphql(`query brokenInline { network { id }`);\n";
      await writeFile(join(extra, 'inline.ts'), inline);
      await writeFile(join(extra, 'broken-inline.ts'), broken);
      /** The 1-based line and column of `marker` in `text`. */
      const at = (text: string, marker: string): string => {
        const lines = text.split('\n');
        const line = lines.findIndex((candidate) => candidate.includes(marker));
        return `${line + 1}:${lines[line]!.indexOf(marker) + 1}`;
      };
      const problems = validateOperationFiles(buildSchema(BEFORE), await readDocumentFiles(['*.ts'], extra));
      expect(problems).toEqual([
        `${extra}/broken-inline.ts: Syntax Error: Expected Name, found <EOF>. (${extra}/broken-inline.ts:${at(broken, '`);')})`,
        `${extra}/inline.ts: operation "inline": Cannot query field "nope" on type "Network". Did you mean "name"? (${extra}/inline.ts:${at(inline, 'nope')})`,
      ]);
    } finally {
      await rm(extra, { recursive: true, force: true });
    }
  });

  it('reports syntax errors, clashing names, nameless operations and fragments no operation uses', async () => {
    const extra = await mkdtemp(join(tmpdir(), 'tribe-sdk-validate-'));
    try {
      await writeFile(join(extra, 'broken.graphql'), 'query broken { network { id }');
      await writeFile(join(extra, 'a.graphql'), 'query network { network { id } }\nquery { network { id } }');
      await writeFile(join(extra, 'b.graphql'), 'query network { network { name } }\nfragment Lonely on Network { nope }');
      const problems = validateOperationFiles(buildSchema(BEFORE), await readOperationFiles(extra));
      expect(problems).toEqual([
        `${extra}/broken.graphql: Syntax Error: Expected Name, found <EOF>. (${extra}/broken.graphql:1:30)`,
        `${extra}/a.graphql: an operation has no name; the SDK method is named after it`,
        `${extra}/b.graphql: operation "network": the name is taken already in ${extra}/a.graphql`,
        `${extra}/b.graphql: fragment "Lonely": Cannot query field "nope" on type "Network". Did you mean "name"? (${extra}/b.graphql:2:30)`,
      ]);
    } finally {
      await rm(extra, { recursive: true, force: true });
    }
  });
});
