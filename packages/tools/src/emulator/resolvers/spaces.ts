import { API_CODE, apiError, forbidden, notFound } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import { paginate, type PageArgs } from '../pagination.js';
import type { SpaceRecord } from '../store.js';
import { canSee, memberViewerOf } from '../viewer.js';
import { filterSpaces, type FilterByInput } from './list-filters.js';
import { spaceMember } from './types.js';

interface SpacesArgs extends PageArgs {
  collectionId?: string | null;
  memberId?: string | null;
  query?: string | null;
  type?: string[] | null;
  orderBy?: string | null;
  exploreOnly?: boolean | null;
  filterBy?: FilterByInput[] | null;
}

function visibleSpace(context: EmulatorContext, space: SpaceRecord | undefined, key: string | null | undefined): SpaceRecord {
  if (!space || !canSee(memberViewerOf(context), space)) throw notFound('space', key);
  return space;
}

function space(_: unknown, args: { id?: string | null; slug?: string | null; path?: string | null }, context: EmulatorContext) {
  const path = args.path?.replace(/^\//, '');
  const found = context.store.data.spaces.find((candidate) => (args.id ? candidate.id === args.id : candidate.slug === (args.slug ?? path)));
  return visibleSpace(context, found, args.id ?? args.slug ?? args.path);
}

function spaces(_: unknown, args: SpacesArgs, context: EmulatorContext) {
  const viewer = memberViewerOf(context);
  const query = args.query?.toLowerCase();
  // Explore shows the spaces a member may find and join: hidden ones never appear there.
  const list = filterSpaces(context.store.data.spaces, args.filterBy).filter(
    (candidate) =>
      canSee(viewer, candidate) &&
      (!args.exploreOnly || !candidate.hidden) &&
      (!args.collectionId || candidate.collectionId === args.collectionId) &&
      (!args.memberId || candidate.memberIds.includes(args.memberId)) &&
      (!query || `${candidate.name} ${candidate.description ?? ''}`.toLowerCase().includes(query)) &&
      (!args.type?.length || args.type.includes(candidate.type)),
  );
  return paginate(list, args);
}

function membership(context: EmulatorContext, spaceId: string, join: boolean) {
  const viewer = memberViewerOf(context);
  const target = context.store.space(spaceId);
  if (!target) throw notFound('space', spaceId);
  if (join && target.inviteOnly && !viewer.isAdmin) throw forbidden('this space is invite-only');
  target.memberIds = target.memberIds.filter((id) => id !== viewer.memberId);
  if (join) target.memberIds.push(viewer.memberId);
  return { status: 'succeeded' };
}

interface JoinRequestsArgs extends PageArgs {
  spaceId?: string | null;
  memberId?: string | null;
  status?: string | null;
}

/** Requests to join spaces, oldest first: admins see every one, other members only their own. */
function spaceJoinRequests(_: unknown, args: JoinRequestsArgs, context: EmulatorContext) {
  const viewer = memberViewerOf(context);
  if (args.spaceId) visibleSpace(context, context.store.space(args.spaceId), args.spaceId);
  if (!viewer.isAdmin && args.memberId && args.memberId !== viewer.memberId) throw forbidden("only admins may read other members' join requests");
  const memberId = viewer.isAdmin ? args.memberId : viewer.memberId;
  const list = context.store.data.spaceJoinRequests
    .filter(
      (request) =>
        (!args.spaceId || request.spaceId === args.spaceId) && (!memberId || request.memberId === memberId) && (!args.status || request.status === args.status),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((request) => ({ ...request, member: context.store.member(request.memberId) ?? null }));
  return paginate(list, args);
}

interface CreateSpaceInput {
  name: string;
  slug?: string | null;
  description?: string | null;
  type?: SpaceRecord['type'] | null;
  private?: boolean | null;
  hidden?: boolean | null;
  inviteOnly?: boolean | null;
  collectionId?: string | null;
  memberIds?: string[] | null;
}

/** `createSpace`: admins (and apps' bots) add a space, which later queries list; its creator and `memberIds` join it. */
function createSpace(_: unknown, args: { input: CreateSpaceInput }, context: EmulatorContext) {
  const viewer = memberViewerOf(context);
  if (!viewer.isAdmin) throw forbidden('only admins may create spaces');
  const { input } = args;
  const name = input.name.trim();
  if (!name) throw apiError(API_CODE.parameterValidation, 'name must not be empty');
  const slug =
    input.slug ??
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const { store } = context;
  if (store.data.spaces.some((candidate) => candidate.slug === slug)) throw apiError(API_CODE.invalidParameter, `slug ${slug} is taken`);
  if (input.collectionId && !store.data.collections.some((collection) => collection.id === input.collectionId))
    throw notFound('collection', input.collectionId);
  for (const id of input.memberIds ?? []) if (!store.member(id)) throw notFound('member', id);
  const created: SpaceRecord = {
    id: store.newId('Spc'),
    name,
    slug,
    description: input.description ?? null,
    type: input.type ?? 'Group',
    private: input.private ?? false,
    hidden: input.hidden ?? false,
    inviteOnly: input.inviteOnly ?? false,
    collectionId: input.collectionId ?? null,
    createdById: viewer.memberId,
    createdAt: new Date().toISOString(),
    memberIds: [...new Set([viewer.memberId, ...(input.memberIds ?? [])])],
  };
  store.data.spaces.push(created);
  return created;
}

/** Spaces: lookups, lists, members, join requests, creating, joining and leaving, and collections. */
export const spaceResolvers = {
  Query: {
    space,
    spaces,
    spacesByIds: (_: unknown, args: { ids: string[] }, context: EmulatorContext) => args.ids.map((id) => visibleSpace(context, context.store.space(id), id)),
    spaceJoinRequests,
    spaceMembers: (_: unknown, args: PageArgs & { spaceId: string; roleIds?: string[] | null }, context: EmulatorContext) => {
      const found = visibleSpace(context, context.store.space(args.spaceId), args.spaceId);
      // memberIds keeps join order, which is both orders Tribe offers (CREATED_AT, UPDATED_AT) as nothing else changes a link.
      const links = found.memberIds
        .map((id) => spaceMember(context.store.member(id), found, id))
        .filter((link) => !args.roleIds?.length || args.roleIds.includes(link.role.id));
      return paginate(links, args);
    },
    collections: (_: unknown, args: { reverse?: boolean | null }, context: EmulatorContext) => {
      memberViewerOf(context);
      const list = [...context.store.data.collections];
      return args.reverse ? list.reverse() : list;
    },
  },
  Mutation: {
    createSpace,
    joinSpace: (_: unknown, args: { spaceId: string }, context: EmulatorContext) => membership(context, args.spaceId, true),
    leaveSpace: (_: unknown, args: { spaceId: string }, context: EmulatorContext) => membership(context, args.spaceId, false),
  },
};
