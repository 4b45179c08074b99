import { API_CODE, apiError, forbidden, notFound } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import { paginate, type PageArgs } from '../pagination.js';
import type { PostRecord } from '../store.js';
import { canSee, mayEdit, memberViewerOf } from '../viewer.js';
import { filterPosts, type FilterByInput } from './list-filters.js';
import { canSeePost } from './types.js';

interface PostInput {
  postTypeId?: string;
  mappingFields?: Array<{ key: string; value: string }> | null;
  publish?: boolean | null;
  tagIds?: string[] | null;
  tagNames?: string[] | null;
  ownerId?: string | null;
}

interface PostsArgs extends PageArgs {
  spaceIds?: string[] | null;
  postTypeIds?: string[] | null;
  orderBy?: string | null;
  /** The 2024 string form of `orderBy`; the emulator takes the same keys. */
  orderByString?: string | null;
  query?: string | null;
  filterBy?: FilterByInput[] | null;
}

const SORTABLE = new Set(['createdAt', 'updatedAt', 'publishedAt', 'lastActivityAt']);

function visiblePost(context: EmulatorContext, id: string): PostRecord {
  const post = context.store.post(id);
  if (!canSeePost(post, context)) throw notFound('post', id);
  return post;
}

/** Mapping fields hold post content as JSON-encoded strings, as Tribe's do; plain text is accepted too. */
function fieldText(input: PostInput, key: string): string | null | undefined {
  const field = input.mappingFields?.find((candidate) => candidate.key === key);
  if (!field) return undefined;
  try {
    const parsed: unknown = JSON.parse(field.value);
    return typeof parsed === 'string' ? parsed : field.value;
  } catch {
    return field.value;
  }
}

function tagIdsFor(context: EmulatorContext, input: PostInput): string[] {
  const ids = new Set(input.tagIds ?? []);
  for (const name of input.tagNames ?? []) {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    let tag = context.store.data.tags.find((candidate) => candidate.slug === slug);
    if (!tag) context.store.data.tags.push((tag = { id: context.store.newId('Tag'), title: name, slug, description: null }));
    ids.add(tag.id);
  }
  return [...ids];
}

function sortPosts(posts: PostRecord[], orderBy: string | null | undefined, context: EmulatorContext): PostRecord[] {
  if (!orderBy || orderBy === 'createdAt') return posts;
  if (SORTABLE.has(orderBy)) {
    const key = orderBy === 'lastActivityAt' ? 'updatedAt' : (orderBy as 'createdAt' | 'updatedAt' | 'publishedAt');
    return [...posts].sort((a, b) => String(b[key]).localeCompare(String(a[key])));
  }
  if (orderBy === 'reactionsCount' || orderBy === 'repliesCount') {
    const count = (post: PostRecord): number =>
      orderBy === 'repliesCount' ? context.store.repliesTo(post.id).length : Object.values(post.reactions).reduce((sum, ids) => sum + ids.length, 0);
    return [...posts].sort((a, b) => count(b) - count(a));
  }
  return posts;
}

function createPostRecord(context: EmulatorContext, spaceId: string, input: PostInput, repliedToId: string | null): PostRecord {
  const viewer = memberViewerOf(context);
  const space = context.store.space(spaceId);
  if (!space || !canSee(viewer, space)) throw notFound('space', spaceId);
  if (!viewer.isAdmin && !space.memberIds.includes(viewer.memberId)) throw forbidden('join the space before posting in it');
  const postType = context.store.data.postTypes.find((type) => type.id === input.postTypeId);
  if (!postType) throw notFound('post type', input.postTypeId);
  if (input.ownerId && input.ownerId !== viewer.memberId && !viewer.isAdmin) throw forbidden('only admins may post for others');
  const now = new Date().toISOString();
  const published = Boolean(input.publish) || repliedToId !== null;
  const post: PostRecord = {
    id: context.store.newId(repliedToId ? 'Rpl' : 'Pst'),
    spaceId,
    ownerId: input.ownerId ?? viewer.memberId,
    postTypeId: postType.id,
    repliedToId,
    title: fieldText(input, 'title') ?? null,
    content: fieldText(input, 'content') ?? null,
    status: published ? 'PUBLISHED' : 'DRAFTED',
    tagIds: tagIdsFor(context, input),
    reactions: {},
    createdAt: now,
    updatedAt: now,
    publishedAt: published ? now : null,
  };
  context.store.data.posts.push(post);
  return post;
}

function updatePost(_: unknown, args: { id: string; input: PostInput }, context: EmulatorContext) {
  const viewer = memberViewerOf(context);
  const post = visiblePost(context, args.id);
  if (!mayEdit(viewer, post.ownerId)) throw forbidden('members may edit only their own posts');
  const title = fieldText(args.input, 'title');
  const content = fieldText(args.input, 'content');
  if (title !== undefined) post.title = title;
  if (content !== undefined) post.content = content;
  if (args.input.tagNames || args.input.tagIds) post.tagIds = tagIdsFor(context, args.input);
  if (args.input.publish !== false && post.status === 'DRAFTED') {
    post.status = 'PUBLISHED';
    post.publishedAt = new Date().toISOString();
  }
  post.updatedAt = new Date().toISOString();
  return post;
}

function deletePost(_: unknown, args: { id: string }, context: EmulatorContext) {
  const viewer = memberViewerOf(context);
  const post = visiblePost(context, args.id);
  if (!mayEdit(viewer, post.ownerId)) throw forbidden('members may delete only their own posts');
  const doomed = new Set([post.id]);
  for (const candidate of context.store.data.posts) {
    if (candidate.repliedToId && doomed.has(candidate.repliedToId)) doomed.add(candidate.id);
  }
  context.store.data.posts = context.store.data.posts.filter((candidate) => !doomed.has(candidate.id));
  return { status: 'succeeded' };
}

/** Posts and replies: lookups, lists, the feed, post types, and writing. */
export const postResolvers = {
  Query: {
    post: (_: unknown, args: { id: string }, context: EmulatorContext) => visiblePost(context, args.id),
    posts: (_: unknown, args: PostsArgs, context: EmulatorContext) => {
      memberViewerOf(context);
      const query = args.query?.toLowerCase();
      const list = context.store
        .publishedPosts()
        .filter(
          (post) =>
            canSeePost(post, context) &&
            (!args.spaceIds?.length || args.spaceIds.includes(post.spaceId)) &&
            (!args.postTypeIds?.length || args.postTypeIds.includes(post.postTypeId)) &&
            (!query || `${post.title ?? ''} ${post.content ?? ''}`.toLowerCase().includes(query)),
        );
      return paginate(sortPosts(filterPosts(list, args.filterBy), args.orderByString ?? args.orderBy, context), args);
    },
    feed: (_: unknown, args: PostsArgs & { onlyMemberSpaces?: boolean | null }, context: EmulatorContext) => {
      const viewer = memberViewerOf(context);
      const list = context.store.publishedPosts().filter((post) => {
        const space = context.store.space(post.spaceId);
        return (
          canSeePost(post, context) &&
          (!args.onlyMemberSpaces || Boolean(space?.memberIds.includes(viewer.memberId))) &&
          (!args.postTypeIds?.length || args.postTypeIds.includes(post.postTypeId))
        );
      });
      return paginate(sortPosts(filterPosts(list, args.filterBy), args.orderByString ?? args.orderBy, context), args);
    },
    replies: (_: unknown, args: PageArgs & { postId: string; orderBy?: string | null }, context: EmulatorContext) =>
      paginate(sortPosts(context.store.repliesTo(visiblePost(context, args.postId).id), args.orderBy, context), args),
    postTypes: (_: unknown, args: PageArgs & { context?: string | null; query?: string | null }, context: EmulatorContext) => {
      memberViewerOf(context);
      const query = args.query?.toLowerCase();
      const list = context.store.data.postTypes.filter(
        (type) => (!args.context || type.context === args.context) && (!query || type.name.toLowerCase().includes(query)),
      );
      return paginate(list, args);
    },
  },
  Mutation: {
    createPost: (_: unknown, args: { spaceId: string; input: PostInput }, context: EmulatorContext) =>
      createPostRecord(context, args.spaceId, args.input, null),
    createReply: (_: unknown, args: { postId: string; input: PostInput }, context: EmulatorContext) => {
      const parent = visiblePost(context, args.postId);
      if (parent.status !== 'PUBLISHED') throw apiError(API_CODE.invalidParameter, 'replies need a published post');
      return createPostRecord(context, parent.spaceId, args.input, parent.id);
    },
    updatePost,
    deletePost,
  },
};
