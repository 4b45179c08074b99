/**
 * The actions whose permission the platform reports per object (`authMemberProps.permissions[].name`),
 * by the context that reports them; each is the name of the schema's mutation that takes the action.
 */
export const PERMISSION_ACTIONS = {
  NETWORK: ['createSpace', 'createCollection', 'updateNetwork', 'inviteMembers', 'createImages', 'createFiles'],
  SPACE: ['createPost', 'joinSpace', 'leaveSpace', 'updateSpace', 'deleteSpace', 'addSpaceMembers', 'removeSpaceMembers', 'approveSpaceJoinRequest'],
  POST: ['updatePost', 'deletePost', 'createReply', 'addReaction', 'removeReaction', 'pinPostToSpace', 'hidePost'],
  MEMBER: ['updateMember', 'deleteMember', 'suspendMember'],
} as const;

/** One action the platform reports a permission for, named as the schema's mutation. */
export type PermissionAction = (typeof PERMISSION_ACTIONS)[keyof typeof PERMISSION_ACTIONS][number];

/** An object as fetched with its `authMemberProps { permissions { name isAuthorized { authorized } } }` (see the `*Permissions` operations). */
export interface PermissionSubject {
  authMemberProps?: {
    permissions?: ReadonlyArray<{ name: string; isAuthorized: { authorized: boolean } }> | null;
  } | null;
}

/**
 * Whether the member the object was fetched as may take `action` on it, as the platform reported;
 * false when the object, its permissions or that action are missing (hide what you cannot vouch for).
 */
export function can(subject: PermissionSubject | null | undefined, action: PermissionAction): boolean {
  const found = subject?.authMemberProps?.permissions?.find((permission) => permission.name === action);
  return found?.isAuthorized.authorized === true;
}
