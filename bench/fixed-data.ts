import type { PostsQuery, PostsQueryVariables } from '../generated/sdk.js';

/** The variables every benchmark sends with the `posts` query. */
export const postsVariables: PostsQueryVariables = { limit: 10, orderBy: 'createdAt', reverse: true };

function post(index: number): NonNullable<PostsQuery['posts']['nodes']>[number] {
  return {
    id: `post-${index}`,
    title: `Benchmark post ${index}`,
    slug: `benchmark-post-${index}`,
    shortContent: '<p>A short body that looks like the start of a real post, with a little markup.</p>',
    status: 'PUBLISHED',
    postTypeId: 'discussion',
    spaceId: 'space-1',
    ownerId: 'member-1',
    repliedToId: null,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    publishedAt: '2025-01-01T10:00:00.000Z',
    repliesCount: index,
    totalRepliesCount: index,
    reactionsCount: 2,
    tagIds: ['tag-1'],
    relativeUrl: `/discussions/post/benchmark-post-${index}`,
    fields: [{ key: 'title', value: `"Benchmark post ${index}"` }],
    space: { id: 'space-1', name: 'Discussions', slug: 'discussions' },
    owner: { member: { id: 'member-1', name: 'Bench Bot', username: 'benchbot' } },
    reactions: [{ reaction: '+1', count: 2, reacted: false }],
  };
}

/** The one answer the fixed server gives to every query: a page of ten posts (about 6 KB). */
export const fixedPostsResult: { data: PostsQuery } = {
  data: {
    posts: {
      totalCount: 10,
      pageInfo: { endCursor: 'cursor-10', hasNextPage: false },
      nodes: Array.from({ length: 10 }, (_, index) => post(index + 1)),
    },
  },
};
