import { API_CODE, apiError, forbidden } from './api-error.js';
import type { EmulatorContext } from './context.js';
import type { MemberRecord, SpaceRecord } from './store.js';

/** The member a bearer token acts as, and what it may do. */
export interface Viewer {
  memberId: string;
  /** Bots and admins may do anything; moderators may see private spaces. */
  isAdmin: boolean;
  isGuest: boolean;
  appId: string | undefined;
  /** The network the token was issued for. */
  networkId: string;
}

/** The viewer of a request; the auth gate has already made sure a valid bearer token came with it. */
export function viewerOf(context: EmulatorContext): Viewer {
  const { caller } = context;
  if (caller.kind !== 'bearer') throw apiError(API_CODE.invalidToken, 'a valid access token is required', 401);
  const { claims } = caller;
  return {
    memberId: claims.id,
    isAdmin: claims.roleType === 'admin',
    isGuest: claims.roleType === 'guest',
    appId: claims.appId,
    networkId: claims.networkId,
  };
}

/** The viewer, refusing guests: they may only log in and read the network. */
export function memberViewerOf(context: EmulatorContext): Viewer {
  const viewer = viewerOf(context);
  if (viewer.isGuest) throw forbidden('guests must log in first');
  return viewer;
}

/** Whether the viewer may see a space's content: public, or a member of it, or an admin. */
export function canSee(viewer: Viewer, space: SpaceRecord | undefined): boolean {
  if (!space) return false;
  return !space.private || viewer.isAdmin || space.memberIds.includes(viewer.memberId);
}

/** Whether the viewer may change what `ownerId` owns: their own, or anything for admins and bots. */
export function mayEdit(viewer: Viewer, ownerId: string): boolean {
  return viewer.isAdmin || viewer.memberId === ownerId;
}

/** The role object of a member, as Tribe's `Role` type. */
export function roleOf(member: Pick<MemberRecord, 'roleType'>): { id: string; name: string; type: string; scopes: string[]; visible: boolean } {
  const name = member.roleType.charAt(0).toUpperCase() + member.roleType.slice(1);
  return { id: `Role${name}`, name, type: member.roleType, scopes: [], visible: true };
}
