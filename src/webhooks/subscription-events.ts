/** The member who caused an event. */
export interface WebhookActor {
  id: string;
  roleId?: string;
  roleType?: string;
}

/** Where an event happened. */
export interface WebhookTarget {
  networkId?: string;
  spaceId?: string;
  postId?: string;
  memberId?: string;
  [key: string]: unknown;
}

/** A post (or, with `repliedToId`, a reply) as `post.*` events carry it. */
export interface WebhookPost {
  id: string;
  spaceId?: string;
  ownerId?: string;
  postTypeId?: string;
  title?: string | null;
  status?: string;
  repliedToId?: string | null;
  createdAt?: string;
  [key: string]: unknown;
}

/** A member as `member.*` events carry it. */
export interface WebhookMember {
  id: string;
  name?: string | null;
  username?: string;
  email?: string;
  status?: string;
  [key: string]: unknown;
}

/** A member's link to a space, as `space_membership.*` events carry it. */
export interface WebhookSpaceMembership {
  spaceId: string;
  memberId: string;
  [key: string]: unknown;
}

/** A reaction on a post, as `reaction.added` carries it. */
export interface WebhookReaction {
  postId: string;
  reaction: string;
  participantId?: string;
  [key: string]: unknown;
}

/** The `data` of every `SUBSCRIPTION` delivery; `name` says what happened, `object` what it happened to. */
export interface SubscriptionData<TName extends string = string, TObject = Record<string, unknown>> {
  /** The event's unique ID; deliveries are deduplicated on it. */
  id: string;
  /** When it happened (ISO 8601). */
  time?: string;
  name: TName;
  noun?: string;
  verb?: string;
  verbAction?: string;
  actor: WebhookActor;
  object: TObject;
  target?: WebhookTarget;
  shortDescription?: string;
}

/** What each documented event name carries as its `object`. */
export interface SubscriptionObjects {
  'member.created': WebhookMember;
  'member.verified': WebhookMember;
  'member.updated': WebhookMember;
  'member.deleted': WebhookMember;
  'member.suspended': WebhookMember;
  'space_membership.created': WebhookSpaceMembership;
  'space_membership.deleted': WebhookSpaceMembership;
  'post.published': WebhookPost;
  'post.created': WebhookPost;
  'post.deleted': WebhookPost;
  'post.blocked': WebhookPost;
  'post.unblocked': WebhookPost;
  'post.unpublished': WebhookPost;
  'post.pinned': WebhookPost;
  'post.hidden': WebhookPost;
  'moderation.created': Record<string, unknown>;
  'moderation.accepted': Record<string, unknown>;
  'moderation.rejected': Record<string, unknown>;
  'reaction.added': WebhookReaction;
}

/** The event names with a type of their own; other names (`space.*`, `collection.*`, `badge.*`, …) arrive as {@link GenericSubscriptionEvent}. */
export type SubscriptionEventName = keyof SubscriptionObjects;
