type Resolver = (parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/** A deprecated root field answered by the field that replaced it, with its arguments renamed. */
function renamed(
  resolvers: Record<string, unknown>,
  name: string,
  rename: (args: Record<string, unknown>) => Record<string, unknown> = (args) => args,
): Resolver {
  return (parent, args, context, info) => (resolvers[name] as Resolver)(parent, rename(args), context, info);
}

/**
 * The deprecated `get*` root fields that public apps still call (and schemas still have), answered by the
 * stateful resolvers of the fields that replaced them: `getPost(postId:)` is `post(id:)`, and so on.
 */
export function deprecatedNameResolvers(query: Record<string, unknown>): Record<string, Resolver> {
  return {
    getAuthMember: renamed(query, 'authMember'),
    getFeed: renamed(query, 'feed'),
    getMember: renamed(query, 'member', ({ memberId, username }) => ({ id: memberId, username })),
    getMemberPosts: renamed(query, 'memberPosts'),
    getMemberSpaces: renamed(query, 'memberSpaces', ({ groupId, ...rest }) => ({ ...rest, collectionId: groupId })),
    getMembers: renamed(query, 'members'),
    getNetwork: renamed(query, 'network'),
    getPost: renamed(query, 'post', ({ postId }) => ({ id: postId })),
    getPostReactionParticipants: renamed(query, 'postReactionParticipants'),
    getPosts: renamed(query, 'posts'),
    getReplies: renamed(query, 'replies'),
    getSpace: renamed(query, 'space', ({ spaceId, spaceSlug }) => ({ id: spaceId, slug: spaceSlug })),
    getSpaceMembers: renamed(query, 'spaceMembers'),
    getSpaces: renamed(query, 'spaces'),
  };
}
