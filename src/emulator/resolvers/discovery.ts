import type { EmulatorContext } from '../context.js';
import { paginate, type PageArgs } from '../pagination.js';
import { canSee, memberViewerOf } from '../viewer.js';
import { canSeePost } from './types.js';

function search(_: unknown, args: { input: { query: string } }, context: EmulatorContext) {
  const viewer = memberViewerOf(context);
  const query = args.input.query.toLowerCase();
  const matches = (...texts: Array<string | null | undefined>): boolean => texts.some((text) => text?.toLowerCase().includes(query));
  const { store } = context;
  const posts = store.publishedPosts().filter((post) => canSeePost(post, context) && matches(post.title, post.content));
  const members = store.people().filter((member) => matches(member.name, member.username));
  const spaces = store.data.spaces.filter((space) => canSee(viewer, space) && matches(space.name, space.description));
  const groups = [
    { entityType: 'post', hits: posts.map((post) => ({ id: post.id, entityId: post.id, entityType: 'post', title: post.title ?? '', subtitle: store.space(post.spaceId)?.name ?? null, content: post.content, created: post.createdAt })) },
    { entityType: 'member', hits: members.map((member) => ({ id: member.id, entityId: member.id, entityType: 'member', title: member.name, subtitle: member.tagline, content: null, created: member.createdAt })) },
    { entityType: 'space', hits: spaces.map((space) => ({ id: space.id, entityId: space.id, entityType: 'space', title: space.name, subtitle: null, content: space.description, created: space.createdAt })) },
  ].filter((group) => group.hits.length > 0);
  return { hits: groups, totalCount: posts.length + members.length + spaces.length };
}

/** Tags and search. */
export const discoveryResolvers = {
  Query: {
    tags: (_: unknown, args: PageArgs & { spaceId?: string | null; ids?: string[] | null; query?: string | null; orderBy?: string | null }, context: EmulatorContext) => {
      memberViewerOf(context);
      const query = args.query?.toLowerCase();
      const used = args.spaceId
        ? new Set(context.store.data.posts.filter((post) => post.spaceId === args.spaceId).flatMap((post) => post.tagIds))
        : undefined;
      const list = context.store.data.tags.filter(
        (tag) =>
          (!used || used.has(tag.id)) && (!args.ids?.length || args.ids.includes(tag.id)) && (!query || tag.title.toLowerCase().includes(query)),
      );
      // Tags keep creation order, which also stands for UPDATED_AT: the emulator never changes a tag.
      if (args.orderBy === 'ID') list.sort((a, b) => a.id.localeCompare(b.id));
      return paginate(list, args);
    },
    search,
  },
};
