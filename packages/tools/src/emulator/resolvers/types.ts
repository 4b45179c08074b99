import type { EmulatorContext } from '../context.js';
import { paginate, type PageArgs } from '../pagination.js';
import type { CollectionRecord, MemberRecord, PostRecord, SpaceRecord } from '../store.js';
import { canSee, roleOf, viewerOf } from '../viewer.js';

/** A member's link to a space, as Tribe's `SpaceMember` type; `id` lets it be paginated. */
export function spaceMember(member: MemberRecord | undefined, space: SpaceRecord | undefined, id: string) {
  const role = member && (member.roleType === 'admin' || space?.createdById === member.id) ? 'admin' : 'member';
  const name = role === 'admin' ? 'Admin' : 'Member';
  return { id, member: member ?? null, space: space ?? null, role: { id: `SpaceRole${name}`, name, type: role, scopes: [] } };
}

function slugify(text: string | null): string | null {
  return text === null
    ? null
    : text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
}

function totalReplies(post: PostRecord, context: EmulatorContext): number {
  return context.store.repliesTo(post.id).reduce((sum, reply) => sum + 1 + totalReplies(reply, context), 0);
}

function reactionDetails(post: PostRecord, context: EmulatorContext) {
  const viewer = viewerOf(context);
  return Object.entries(post.reactions)
    .filter(([, memberIds]) => memberIds.length > 0)
    .map(([reaction, memberIds]) => ({ reaction, count: memberIds.length, reacted: memberIds.includes(viewer.memberId), postId: post.id }));
}

/** Field resolvers of the object types the emulator stores; fields left out are filled by mocks. */
export const typeResolvers = {
  Member: {
    role: (member: MemberRecord) => roleOf(member),
    roleId: (member: MemberRecord) => roleOf(member).id,
    displayName: (member: MemberRecord) => member.name,
    network: (_: MemberRecord, __: unknown, context: EmulatorContext) => context.store.data.network,
    networkId: (_: MemberRecord, __: unknown, context: EmulatorContext) => context.store.data.network.id,
    relativeUrl: (member: MemberRecord) => `/member/${member.id}`,
    profilePictureId: () => null,
    spaces: (member: MemberRecord, args: PageArgs, context: EmulatorContext) =>
      paginate(
        context.store.data.spaces.filter((space) => space.memberIds.includes(member.id)),
        args,
      ),
  },
  Space: {
    membersCount: (space: SpaceRecord) => space.memberIds.length,
    postsCount: (space: SpaceRecord, _: unknown, context: EmulatorContext) => context.store.publishedPosts().filter((post) => post.spaceId === space.id).length,
    collection: (space: SpaceRecord, _: unknown, context: EmulatorContext) =>
      context.store.data.collections.find((collection) => collection.id === space.collectionId) ?? null,
    createdBy: (space: SpaceRecord, _: unknown, context: EmulatorContext) => context.store.member(space.createdById) ?? null,
    network: (_: SpaceRecord, __: unknown, context: EmulatorContext) => context.store.data.network,
    networkId: (_: SpaceRecord, __: unknown, context: EmulatorContext) => context.store.data.network.id,
    relativeUrl: (space: SpaceRecord) => `/${space.slug}`,
    posts: (space: SpaceRecord, args: PageArgs, context: EmulatorContext) =>
      paginate(
        context.store.publishedPosts().filter((post) => post.spaceId === space.id),
        args,
      ),
    members: (space: SpaceRecord, args: PageArgs, context: EmulatorContext) =>
      paginate(
        space.memberIds.map((id) => spaceMember(context.store.member(id), space, id)),
        args,
      ),
  },
  Post: {
    fields: (post: PostRecord) => [
      { key: 'title', value: post.title },
      { key: 'content', value: post.content },
    ],
    shortContent: (post: PostRecord) => post.content,
    slug: (post: PostRecord) => slugify(post.title),
    relativeUrl: (post: PostRecord) => `/p/${post.id}`,
    networkId: (_: PostRecord, __: unknown, context: EmulatorContext) => context.store.data.network.id,
    createdById: (post: PostRecord) => post.ownerId,
    space: (post: PostRecord, _: unknown, context: EmulatorContext) => context.store.space(post.spaceId) ?? null,
    owner: (post: PostRecord, _: unknown, context: EmulatorContext) =>
      spaceMember(context.store.member(post.ownerId), context.store.space(post.spaceId), post.ownerId),
    createdBy: (post: PostRecord, _: unknown, context: EmulatorContext) =>
      spaceMember(context.store.member(post.ownerId), context.store.space(post.spaceId), post.ownerId),
    reactions: (post: PostRecord, _: unknown, context: EmulatorContext) => reactionDetails(post, context),
    reactionsCount: (post: PostRecord) => Object.values(post.reactions).reduce((sum, ids) => sum + ids.length, 0),
    repliesCount: (post: PostRecord, _: unknown, context: EmulatorContext) => context.store.repliesTo(post.id).length,
    totalRepliesCount: (post: PostRecord, _: unknown, context: EmulatorContext) => totalReplies(post, context),
    replies: (post: PostRecord, args: PageArgs, context: EmulatorContext) => paginate(context.store.repliesTo(post.id), args),
    repliedTo: (post: PostRecord, _: unknown, context: EmulatorContext) => (post.repliedToId === null ? null : (context.store.post(post.repliedToId) ?? null)),
    tags: (post: PostRecord, _: unknown, context: EmulatorContext) => context.store.data.tags.filter((tag) => post.tagIds.includes(tag.id)),
    postType: (post: PostRecord, _: unknown, context: EmulatorContext) => context.store.data.postTypes.find((type) => type.id === post.postTypeId) ?? null,
    isAnonymous: () => false,
    hasMoreContent: () => false,
  },
  PostReactionDetail: {
    participants: (detail: { postId: string; reaction: string }, args: PageArgs, context: EmulatorContext) => {
      const post = context.store.post(detail.postId);
      const ids = post?.reactions[detail.reaction] ?? [];
      return paginate(
        ids.map((id) => ({ id, participant: context.store.member(id) ?? null, reaction: detail })),
        args,
      );
    },
  },
  PostType: {
    // The store keeps no reaction settings per type; every seeded type uses emoji reactions.
    primaryReactionType: () => 'EMOJI_BASE',
  },
  Collection: {
    relativeUrl: (collection: CollectionRecord) => `/collection/${collection.slug}`,
    updatedAt: (collection: CollectionRecord) => collection.createdAt,
    spaces: (collection: CollectionRecord, args: PageArgs, context: EmulatorContext) =>
      paginate(
        context.store.data.spaces.filter((space) => space.collectionId === collection.id && canSee(viewerOf(context), space)),
        args,
      ),
  },
  Network: {
    membersCount: (_: unknown, __: unknown, context: EmulatorContext) => context.store.people().length,
  },
};

/** Whether the viewer may see a post: its space is visible to them and it is published or theirs. */
export function canSeePost(post: PostRecord | undefined, context: EmulatorContext): post is PostRecord {
  if (!post) return false;
  const viewer = viewerOf(context);
  const visibleStatus = post.status === 'PUBLISHED' || viewer.isAdmin || post.ownerId === viewer.memberId;
  return visibleStatus && canSee(viewer, context.store.space(post.spaceId));
}
