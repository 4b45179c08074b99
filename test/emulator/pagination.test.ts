import { describe, expect, it } from 'vitest';
import { createDemoData } from '../../packages/tools/src/emulator/index.js';
import { useEmulator } from '../support/emulator.js';
import { newestPublishedPostIds } from '../support/expected-posts.js';
import { asBearer, mintTokenRaw } from './raw-graphql.js';

const POST_COUNT = 7;
const emulator = useEmulator({ data: createDemoData({ posts: POST_COUNT }) });

const PAGE = `query posts($limit: Int!, $after: String, $before: String, $offset: Int) {
  posts(limit: $limit, after: $after, before: $before, offset: $offset) {
    totalCount
    nodes { id }
    edges { cursor node { id } }
    pageInfo { endCursor hasNextPage }
  }
}`;

interface Page {
  totalCount: number;
  nodes: Array<{ id: string }>;
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

async function page(variables: { limit: number; after?: string; before?: string; offset?: number }): Promise<Page> {
  const e = emulator.current;
  const answer = await asBearer(e, await mintTokenRaw(e), PAGE, variables);
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.posts as Page;
}

/** Every published post, newest first, ordered here from the stored data. */
function allIds(): string[] {
  return newestPublishedPostIds(emulator.current.store.data.posts);
}

describe('pagination', () => {
  it('answers { nodes, edges { cursor node }, pageInfo { endCursor hasNextPage }, totalCount }', async () => {
    const first = await page({ limit: 3 });
    expect(first.totalCount).toBe(POST_COUNT);
    expect(first.nodes.map((node) => node.id)).toEqual(allIds().slice(0, 3));
    expect(first.edges.map((edge) => edge.node.id)).toEqual(first.nodes.map((node) => node.id));
    expect(new Set(first.edges.map((edge) => edge.cursor)).size).toBe(3);
    expect(first.pageInfo).toEqual({ endCursor: first.edges[2]!.cursor, hasNextPage: true });
  });

  it('walks every post with limit and after, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const current = await page({ limit: 3, after });
      pages += 1;
      seen.push(...current.nodes.map((node) => node.id));
      expect(current.totalCount).toBe(POST_COUNT);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor!;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(allIds());
  });

  it('takes the items before a cursor with before', async () => {
    const all = await page({ limit: POST_COUNT });
    const fifth = all.edges[4]!.cursor;
    const before = await page({ limit: 10, before: fifth });
    expect(before.nodes.map((node) => node.id)).toEqual(allIds().slice(0, 4));
    const window = await page({ limit: 10, after: all.edges[1]!.cursor, before: fifth });
    expect(window.nodes.map((node) => node.id)).toEqual(allIds().slice(2, 4));
  });

  it('skips items with offset, also after a cursor', async () => {
    expect((await page({ limit: 2, offset: 3 })).nodes.map((node) => node.id)).toEqual(allIds().slice(3, 5));
    const all = await page({ limit: POST_COUNT });
    const skipped = await page({ limit: 2, after: all.edges[0]!.cursor, offset: 1 });
    expect(skipped.nodes.map((node) => node.id)).toEqual(allIds().slice(2, 4));
  });

  it('ends with an empty page past the end and hasNextPage false on the last page', async () => {
    const last = await page({ limit: 3, offset: POST_COUNT - 3 });
    expect(last.pageInfo.hasNextPage).toBe(false);
    const beyond = await page({ limit: 3, offset: POST_COUNT });
    expect(beyond).toMatchObject({ nodes: [], edges: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: POST_COUNT });
  });

  it('refuses a garbage cursor and a negative limit with Tribe parameter errors', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    const badCursor = await asBearer(e, token, PAGE, { limit: 2, after: 'garbage' });
    expect(badCursor.body.errors?.[0]?.code).toBe('106');
    const badLimit = await asBearer(e, token, PAGE, { limit: -1 });
    expect(badLimit.body.errors?.[0]?.code).toBe('100');
  });
});
