import { forbidden, notFound, API_CODE, apiError } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import { paginate, type PageArgs } from '../pagination.js';
import type { MemberRecord } from '../store.js';
import { canSee, memberViewerOf, roleOf, viewerOf } from '../viewer.js';
import { filterMembers, type FilterByInput } from './list-filters.js';
import { canSeePost, spaceMember } from './types.js';

interface MembersArgs extends PageArgs {
  query?: string | null;
  roleIds?: string[] | null;
  status?: string[] | null;
  filterBy?: FilterByInput[] | null;
  orderBy?: string | null;
}

/** A member by ID, else by username, else by the external ID an integration set. */
function findMember(context: EmulatorContext, id?: string | null, username?: string | null, externalId?: string | null): MemberRecord {
  const member = context.store
    .people()
    .find((candidate) => (id ? candidate.id === id : username ? candidate.username === username : candidate.externalId === externalId));
  if (!member || (!id && !username && !externalId)) throw notFound('member', id ?? username ?? externalId);
  return member;
}

function members(_: unknown, args: MembersArgs, context: EmulatorContext) {
  memberViewerOf(context);
  const query = args.query?.toLowerCase();
  const list = filterMembers(context.store.people(), args.filterBy).filter(
    (member) =>
      (!query || `${member.name} ${member.username} ${member.email}`.toLowerCase().includes(query)) &&
      (!args.roleIds?.length || args.roleIds.includes(roleOf(member).id)) &&
      (!args.status?.length || args.status.includes(member.status)),
  );
  const key = args.orderBy as keyof MemberRecord | undefined;
  if (key && ['name', 'username', 'createdAt', 'updatedAt'].includes(key)) {
    list.sort((a, b) => String(a[key]).localeCompare(String(b[key])));
  }
  return paginate(list, args);
}

/** A member's top-level posts, or with `hasParent: true` their replies; newest first either way. */
function memberPosts(_: unknown, args: PageArgs & { memberId: string; hasParent?: boolean | null }, context: EmulatorContext) {
  memberViewerOf(context);
  findMember(context, args.memberId);
  const posts = context.store.data.posts
    .filter(
      (post) =>
        post.ownerId === args.memberId && post.status === 'PUBLISHED' && (post.repliedToId !== null) === Boolean(args.hasParent) && canSeePost(post, context),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  return paginate(posts, args);
}

interface MemberSpacesArgs extends PageArgs {
  memberId: string;
  collectionId?: string | null;
  roleIds?: string[] | null;
}

function memberSpaces(_: unknown, args: MemberSpacesArgs, context: EmulatorContext) {
  const viewer = memberViewerOf(context);
  const member = findMember(context, args.memberId);
  const links = context.store.data.spaces
    .filter((space) => space.memberIds.includes(member.id) && canSee(viewer, space) && (!args.collectionId || space.collectionId === args.collectionId))
    .map((space) => spaceMember(member, space, space.id))
    .filter((link) => !args.roleIds?.length || args.roleIds.includes(link.role.id));
  return paginate(links, args);
}

interface UpdateMemberInput {
  name?: string | null;
  tagline?: string | null;
  username?: string | null;
  email?: string | null;
  locale?: string | null;
  currentPassword?: string | null;
  newPassword?: string | null;
}

/** Refuses a username or email another member already has. */
function checkUnique(context: EmulatorContext, member: MemberRecord, key: 'username' | 'email', value: string | null | undefined): void {
  if (value && context.store.data.members.some((other) => other[key] === value && other.id !== member.id)) {
    throw apiError(API_CODE.invalidParameter, `${key} ${value} is taken`);
  }
}

/** Changes the profile fields the emulator stores; a new password needs the current one unless an admin sets it. */
function updateMember(_: unknown, args: { id?: string | null; input: UpdateMemberInput }, context: EmulatorContext) {
  const viewer = memberViewerOf(context);
  const member = findMember(context, args.id ?? viewer.memberId);
  if (!viewer.isAdmin && member.id !== viewer.memberId) throw forbidden('members may update only their own profile');
  const { name, tagline, username, email, locale, currentPassword, newPassword } = args.input;
  checkUnique(context, member, 'username', username);
  checkUnique(context, member, 'email', email);
  if (newPassword && !viewer.isAdmin && currentPassword !== member.password) {
    throw apiError(API_CODE.parameterValidation, 'currentPassword is wrong');
  }
  Object.assign(member, {
    ...(name == null ? {} : { name }),
    ...(tagline === undefined ? {} : { tagline }),
    ...(username == null ? {} : { username }),
    ...(email == null ? {} : { email }),
    ...(locale == null ? {} : { locale }),
    ...(newPassword ? { password: newPassword } : {}),
    updatedAt: new Date().toISOString(),
  });
  return member;
}

/** Members: the viewer, one member, lists, and profile changes. */
export const memberResolvers = {
  Query: {
    authMember: (_: unknown, __: unknown, context: EmulatorContext) => {
      const viewer = viewerOf(context);
      const member = context.store.member(viewer.memberId);
      if (!member) throw notFound('member', viewer.memberId);
      return member;
    },
    member: (_: unknown, args: { id?: string | null; username?: string | null; externalId?: string | null }, context: EmulatorContext) => {
      memberViewerOf(context);
      return findMember(context, args.id, args.username, args.externalId);
    },
    members,
    membersByIds: (_: unknown, args: { ids: string[] }, context: EmulatorContext) => {
      memberViewerOf(context);
      return [...new Set(args.ids)].flatMap((id) => context.store.people().filter((member) => member.id === id));
    },
    memberPosts,
    memberSpaces,
  },
  Mutation: { updateMember },
};
