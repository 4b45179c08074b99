import { API_CODE, apiError } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import { paginate, type PageArgs } from '../pagination.js';
import { canSee, memberViewerOf } from '../viewer.js';
import { canSeePost } from './types.js';

/** Whether any of the texts holds `query`, case-insensitively. */
function matcher(query: string): (...texts: Array<string | null | undefined>) => boolean {
  const needle = query.toLowerCase();
  return (...texts) => texts.some((text) => text?.toLowerCase().includes(needle));
}

/** The posts, members and spaces the viewer may see whose text holds `query`. */
function matchesOf(query: string, context: EmulatorContext) {
  const viewer = memberViewerOf(context);
  const matches = matcher(query);
  const { store } = context;
  return {
    posts: store.publishedPosts().filter((post) => canSeePost(post, context) && matches(post.title, post.content)),
    members: store.people().filter((member) => matches(member.name, member.username)),
    spaces: store.data.spaces.filter((space) => canSee(viewer, space) && matches(space.name, space.description)),
  };
}

function search(_: unknown, args: { input: { query: string } }, context: EmulatorContext) {
  const { posts, members, spaces } = matchesOf(args.input.query, context);
  const { store } = context;
  const groups = [
    {
      entityType: 'post',
      hits: posts.map((post) => ({
        id: post.id,
        entityId: post.id,
        entityType: 'post',
        title: post.title ?? '',
        subtitle: store.space(post.spaceId)?.name ?? null,
        content: post.content,
        created: post.createdAt,
      })),
    },
    {
      entityType: 'member',
      hits: members.map((member) => ({
        id: member.id,
        entityId: member.id,
        entityType: 'member',
        title: member.name,
        subtitle: member.tagline,
        content: null,
        created: member.createdAt,
      })),
    },
    {
      entityType: 'space',
      hits: spaces.map((space) => ({
        id: space.id,
        entityId: space.id,
        entityType: 'space',
        title: space.name,
        subtitle: null,
        content: space.description,
        created: space.createdAt,
      })),
    },
  ].filter((group) => group.hits.length > 0);
  return { hits: groups, totalCount: posts.length + members.length + spaces.length };
}

interface SearchListArgs extends PageArgs {
  query: string;
  filters?: unknown;
}

/** `searchPosts`, `searchMembers` or `searchSpaces`: one kind of hit, as a page of that type. */
function searchList(kind: keyof ReturnType<typeof matchesOf>) {
  return (_: unknown, args: SearchListArgs, context: EmulatorContext) => {
    if (args.filters != null) throw apiError(API_CODE.invalidParameter, 'the emulator does not apply search filters; leave filters out');
    const hits: ReadonlyArray<{ id: string }> = matchesOf(args.query, context)[kind];
    return paginate(hits, args);
  };
}

/** Tags and search. */
export const discoveryResolvers = {
  Query: {
    tags: (
      _: unknown,
      args: PageArgs & { spaceId?: string | null; ids?: string[] | null; query?: string | null; orderBy?: string | null },
      context: EmulatorContext,
    ) => {
      memberViewerOf(context);
      const query = args.query?.toLowerCase();
      const used = args.spaceId ? new Set(context.store.data.posts.filter((post) => post.spaceId === args.spaceId).flatMap((post) => post.tagIds)) : undefined;
      const list = context.store.data.tags.filter(
        (tag) => (!used || used.has(tag.id)) && (!args.ids?.length || args.ids.includes(tag.id)) && (!query || tag.title.toLowerCase().includes(query)),
      );
      // Tags keep creation order, which also stands for UPDATED_AT: the emulator never changes a tag.
      if (args.orderBy === 'ID') list.sort((a, b) => a.id.localeCompare(b.id));
      return paginate(list, args);
    },
    search,
    searchPosts: searchList('posts'),
    searchMembers: searchList('members'),
    searchSpaces: searchList('spaces'),
  },
};
