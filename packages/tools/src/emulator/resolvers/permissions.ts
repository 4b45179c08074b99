import type { EmulatorContext } from '../context.js';
import type { MemberRecord, PostRecord, SpaceRecord } from '../store.js';
import { canSee, mayEdit, viewerOf, type Viewer } from '../viewer.js';
import { canSeePost } from './types.js';

type Rule<T> = (viewer: Viewer, object: T, context: EmulatorContext) => boolean;

const isMember = (viewer: Viewer, space: SpaceRecord): boolean => space.memberIds.includes(viewer.memberId);
const admin = (viewer: Viewer): boolean => viewer.isAdmin;
const person = (viewer: Viewer): boolean => !viewer.isGuest;

/**
 * Who may take each action, per context, as the emulator's own resolvers decide it: admins (and bots)
 * anything; members post and reply in spaces they belong to, edit what they own, react to what they
 * see. The names are the schema's mutations; a test keeps them equal to the SDK's `PERMISSION_ACTIONS`.
 */
export const PERMISSION_RULES = {
  NETWORK: {
    createSpace: admin,
    createCollection: admin,
    updateNetwork: admin,
    inviteMembers: admin,
    createImages: person,
    createFiles: person,
  } satisfies Record<string, Rule<unknown>>,
  SPACE: {
    createPost: (viewer, space) => person(viewer) && (viewer.isAdmin || isMember(viewer, space)),
    joinSpace: (viewer, space) => person(viewer) && !isMember(viewer, space) && (!space.inviteOnly || viewer.isAdmin),
    leaveSpace: (viewer, space) => isMember(viewer, space),
    updateSpace: (viewer, space) => viewer.isAdmin || space.createdById === viewer.memberId,
    deleteSpace: admin,
    addSpaceMembers: admin,
    removeSpaceMembers: admin,
    approveSpaceJoinRequest: admin,
  } satisfies Record<string, Rule<SpaceRecord>>,
  POST: {
    updatePost: (viewer, post) => mayEdit(viewer, post.ownerId),
    deletePost: (viewer, post) => mayEdit(viewer, post.ownerId),
    createReply: (viewer, post, context) => {
      const space = context.store.space(post.spaceId);
      return person(viewer) && space !== undefined && (viewer.isAdmin || isMember(viewer, space));
    },
    addReaction: person,
    removeReaction: person,
    pinPostToSpace: admin,
    hidePost: admin,
  } satisfies Record<string, Rule<PostRecord>>,
  MEMBER: {
    updateMember: (viewer, member) => viewer.isAdmin || viewer.memberId === member.id,
    deleteMember: admin,
    suspendMember: (viewer, member) => viewer.isAdmin && viewer.memberId !== member.id,
  } satisfies Record<string, Rule<MemberRecord>>,
};

function propsFor<T>(contextName: keyof typeof PERMISSION_RULES, rules: Record<string, Rule<T>>, object: T, context: EmulatorContext) {
  const viewer = viewerOf(context);
  return {
    context: contextName,
    scopes: [],
    permissions: Object.entries(rules).map(([name, rule]) => {
      const authorized = rule(viewer, object, context);
      return { name, isAuthorized: { authorized, reason: authorized ? null : 'ACCESS', requiredPlan: null }, inputPermissions: [], outputPermissions: [] };
    }),
  };
}

/** `authMemberProps` of the network, spaces, posts and members: the viewer's permissions by the rules above. */
export const permissionTypeResolvers = {
  Network: {
    authMemberProps: (network: unknown, _: unknown, context: EmulatorContext) => propsFor('NETWORK', PERMISSION_RULES.NETWORK, network, context),
  },
  Space: {
    authMemberProps: (space: SpaceRecord, _: unknown, context: EmulatorContext) =>
      canSee(viewerOf(context), space) ? propsFor('SPACE', PERMISSION_RULES.SPACE, space, context) : null,
  },
  Post: {
    authMemberProps: (post: PostRecord, _: unknown, context: EmulatorContext) =>
      canSeePost(post, context) ? propsFor('POST', PERMISSION_RULES.POST, post, context) : null,
  },
  Member: {
    authMemberProps: (member: MemberRecord, _: unknown, context: EmulatorContext) => propsFor('MEMBER', PERMISSION_RULES.MEMBER, member, context),
  },
};
