import { afterEach, describe, expect, it } from 'vitest';
import { createDemoData } from '../packages/tools/src/emulator/index.js';
import { TribeAbortError, TribeConfigError, createTribeClient, paginate, type TribeClient } from '../src/index.js';
import { appOptions, useEmulator } from './support/emulator.js';
import { newestPublishedPostIds } from './support/expected-posts.js';

const emulator = useEmulator({ data: createDemoData({ posts: 237 }) });
let client: TribeClient | undefined;

function bot(): TribeClient['sdk'] {
  client ??= createTribeClient(appOptions(emulator.current));
  return client.sdk;
}

afterEach(() => {
  client?.close();
  client = undefined;
});

/** The IDs of the published top-level posts, newest first, ordered here from the stored data. */
function seededPostIds(spaceId?: string): string[] {
  return newestPublishedPostIds(emulator.current.store.data.posts, (post) => spaceId === undefined || post.spaceId === spaceId);
}

describe('paginate', () => {
  it('yields all 237 seeded posts, each once, in exactly 5 posts requests of 50', async () => {
    const ids: string[] = [];
    for await (const post of paginate(bot().posts, { limit: 50 })) ids.push(post.id);
    expect(ids).toHaveLength(237);
    expect(new Set(ids).size).toBe(237);
    expect(ids).toEqual(seededPostIds());
    expect(emulator.current.requestCount('posts')).toBe(5);
  });

  it('follows the cursor across page boundaries without skipping or repeating, with the filters kept', async () => {
    const spaceId = 'SpcShowTel';
    const posts = await paginate(bot().posts, { limit: 7, spaceIds: [spaceId] }).collect();
    expect(posts.map((post) => post.id)).toEqual(seededPostIds(spaceId));
    expect(posts.every((post) => post.spaceId === spaceId)).toBe(true);
    expect(emulator.current.requestCount('posts')).toBe(Math.ceil(seededPostIds(spaceId).length / 7));
  });

  it('works for other paginated operations, such as memberPosts', async () => {
    const memberId = 'MbrGraceH2';
    const posts = await paginate(bot().memberPosts, { memberId, limit: 9 }).collect();
    const expected = newestPublishedPostIds(emulator.current.store.data.posts, (post) => post.ownerId === memberId);
    expect(posts.map((post) => post.id)).toEqual(expected);
    expect(emulator.current.requestCount('memberPosts')).toBe(Math.ceil(expected.length / 9));
  });

  it('ends after one request when the list is empty', async () => {
    const paginator = paginate(bot().posts, { limit: 50, spaceIds: ['SpcCrewOnly'] });
    expect(await paginator.collect()).toEqual([]);
    const pages = [];
    for await (const page of paginator.pages()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.nodes).toEqual([]);
    expect(pages[0]!.totalCount).toBe(0);
    expect(emulator.current.requestCount('posts')).toBe(2);
  });

  it('stops at maxItems and asks only for the nodes still wanted', async () => {
    const posts = await paginate(bot().posts, { limit: 50 }, { maxItems: 60 }).collect();
    expect(posts.map((post) => post.id)).toEqual(seededPostIds().slice(0, 60));
    expect(emulator.current.requestCount('posts')).toBe(2);
    const sizes: number[] = [];
    for await (const page of paginate(bot().posts, { limit: 50 }, { maxItems: 60 }).pages()) sizes.push(page.nodes.length);
    expect(sizes).toEqual([50, 10]);
  });

  it('sends nothing with maxItems 0', async () => {
    expect(await paginate(bot().posts, { limit: 50 }, { maxItems: 0 }).collect()).toEqual([]);
    expect(emulator.current.requestCount('posts')).toBe(0);
  });

  it('pages() yields whole pages with their cursor state and totalCount', async () => {
    const pages = [];
    for await (const page of paginate(bot().posts, { limit: 50 }).pages()) pages.push(page);
    expect(pages.map((page) => page.nodes.length)).toEqual([50, 50, 50, 50, 37]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, true, true, false]);
    expect(pages.every((page) => page.totalCount === 237)).toBe(true);
    expect(pages.flatMap((page) => page.nodes.map((post) => post.id))).toEqual(seededPostIds());
  });

  it('collect() returns the same nodes as iterating, and each iteration starts from the first page', async () => {
    const paginator = paginate(bot().posts, { limit: 100 });
    const iterated: string[] = [];
    for await (const post of paginator) iterated.push(post.id);
    const collected = await paginator.collect();
    expect(collected.map((post) => post.id)).toEqual(iterated);
    expect(iterated).toHaveLength(237);
    expect(emulator.current.requestCount('posts')).toBe(6);
  });

  it('stops with TribeAbortError when aborted between pages, and sends no further request', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const run = async (): Promise<void> => {
      for await (const post of paginate(bot().posts, { limit: 50 }, { signal: controller.signal })) {
        seen.push(post.id);
        if (seen.length === 50) controller.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(TribeAbortError);
    expect(seen).toHaveLength(50);
    expect(emulator.current.requestCount('posts')).toBe(1);
  });

  it('checks the signal itself between pages, even for an operation that ignores it', async () => {
    const sdk = bot();
    const ignoresSignal = (variables: Parameters<typeof sdk.posts>[0]) => sdk.posts(variables);
    const controller = new AbortController();
    const seen: string[] = [];
    const run = async (): Promise<void> => {
      for await (const post of paginate(ignoresSignal, { limit: 50 }, { signal: controller.signal })) {
        seen.push(post.id);
        if (seen.length === 20) controller.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(TribeAbortError);
    expect(seen).toHaveLength(20);
    expect(emulator.current.requestCount('posts')).toBe(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(paginate(bot().posts, { limit: 50 }, { signal: controller.signal }).collect()).rejects.toBeInstanceOf(TribeAbortError);
    expect(emulator.current.requestCount('posts')).toBe(0);
  });

  it('aborts a page request that is in flight', async () => {
    await bot().network();
    const fault = emulator.current.injectFault({ operation: 'posts', hang: true });
    try {
      const controller = new AbortController();
      const pending = paginate(bot().posts, { limit: 50 }, { signal: controller.signal }).collect();
      const settled = expect(pending).rejects.toBeInstanceOf(TribeAbortError);
      await expect.poll(() => emulator.current.requestCount('posts')).toBe(1);
      controller.abort();
      await settled;
    } finally {
      fault.restore();
    }
  });

  it('names the operation when it has no $after, at the type level and at run time', async () => {
    const tribe = createTribeClient(appOptions(emulator.current));
    const membersFirst = (variables: { limit: number }) =>
      tribe.request<{ members: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }>(
        'query membersFirst($limit: Int!) { members(limit: $limit) { nodes { id } pageInfo { endCursor hasNextPage } } }',
        variables,
      );
    // @ts-expect-error paginate needs an operation that declares $after
    const paged = paginate(membersFirst, { limit: 2 });
    const error = await paged.collect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeConfigError);
    expect((error as Error).message).toBe(
      'tribe-sdk: the operation given to paginate (membersFirst) must be one that declares $after and passes it to its paginated field',
    );
    tribe.close();
  });

  it('refuses a limit that could not advance', () => {
    expect(() => paginate(bot().posts, { limit: 0 })).toThrow(new TribeConfigError('tribe-sdk: variables.limit must be an integer from 1 to 10000'));
    expect(() => paginate(bot().posts, { limit: 1.5 })).toThrow(new TribeConfigError('tribe-sdk: variables.limit must be an integer from 1 to 10000'));
    expect(() => paginate(bot().posts, { limit: 10 }, { maxItems: -1 })).toThrow(
      new TribeConfigError(`tribe-sdk: maxItems must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}`),
    );
    expect(() => paginate(bot().posts, { limit: 10 }, { signal: {} as never })).toThrow(new TribeConfigError('tribe-sdk: signal must be an AbortSignal'));
  });
});
