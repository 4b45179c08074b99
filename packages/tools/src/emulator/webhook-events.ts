import type { EmulatorContext } from './context.js';
import type { StateChange } from './state-changes.js';
import type { EmulatorStore, MemberRecord, PostRecord } from './store.js';
import { roleOf } from './viewer.js';

/** A request body the emulator sends to the app's webhook URL, in the platform's envelope. */
export interface EmulatorWebhookEnvelope {
  type: string;
  networkId: string;
  context: string;
  entityId: string;
  currentSettings: unknown[];
  data: Record<string, unknown>;
  entities: Record<string, unknown>;
}

interface Subscription {
  name: string;
  noun: string;
  verb: string;
  object: Record<string, unknown>;
  target: Record<string, unknown>;
  description: string;
}

/** An envelope of the given type for the served network. */
export function envelope(store: EmulatorStore, type: string, data: Record<string, unknown>, entities: Record<string, unknown> = {}): EmulatorWebhookEnvelope {
  const { network } = store.data;
  return { type, networkId: network.id, context: 'NETWORK', entityId: network.id, currentSettings: [], data, entities: { network, ...entities } };
}

/** A member as deliveries carry it: with the role's ID, without the password. */
export function publicMember(member: MemberRecord | undefined): Record<string, unknown> | null {
  if (!member) return null;
  const view: Record<string, unknown> = { ...member, roleId: roleOf(member).id };
  delete view.password;
  return view;
}

function postObject(post: PostRecord): Record<string, unknown> {
  return structuredClone(post) as unknown as Record<string, unknown>;
}

const byMutation: Record<string, (change: StateChange, actorId: string) => Subscription | undefined> = {
  createPost: ({ result }) => {
    const post = result as PostRecord;
    if (post.status !== 'PUBLISHED') return undefined;
    return {
      name: 'post.published',
      noun: 'POST',
      verb: 'PUBLISHED',
      object: postObject(post),
      target: { spaceId: post.spaceId, postId: post.id },
      description: `published post ${post.id}`,
    };
  },
  createReply: ({ result }) => {
    const reply = result as PostRecord;
    const target = { spaceId: reply.spaceId, postId: reply.repliedToId };
    return { name: 'post.published', noun: 'POST', verb: 'PUBLISHED', object: postObject(reply), target, description: `replied to post ${reply.repliedToId}` };
  },
  addReaction: ({ args }, actorId) => {
    const { postId, input } = args as { postId: string; input: { reaction: string } };
    const object = { postId, reaction: input.reaction.trim(), participantId: actorId };
    return { name: 'reaction.added', noun: 'REACTION', verb: 'ADDED', object, target: { postId }, description: `reacted ${object.reaction} to post ${postId}` };
  },
  joinSpace: ({ args }, actorId) => {
    const { spaceId } = args as { spaceId: string };
    const object = { spaceId, memberId: actorId };
    return {
      name: 'space_membership.created',
      noun: 'SPACE_MEMBERSHIP',
      verb: 'CREATED',
      object,
      target: { spaceId, memberId: actorId },
      description: `joined space ${spaceId}`,
    };
  },
  updateMember: ({ result }) => {
    const member = result as MemberRecord;
    return {
      name: 'member.updated',
      noun: 'MEMBER',
      verb: 'UPDATED',
      object: publicMember(member)!,
      target: { memberId: member.id },
      description: `updated member ${member.id}`,
    };
  },
};

function actorOf(context: EmulatorContext): string {
  return context.caller.kind === 'bearer' ? context.caller.claims.id : '';
}

/** The `SUBSCRIPTION` delivery a state change causes, if it causes one. */
export function subscriptionFor(change: StateChange): EmulatorWebhookEnvelope | undefined {
  const { store } = change.context;
  const actorId = actorOf(change.context);
  const subscription = byMutation[change.mutation]?.(change, actorId);
  if (!subscription) return undefined;
  const actor = store.member(actorId);
  const now = new Date().toISOString();
  const networkId = store.data.network.id;
  return envelope(
    store,
    'SUBSCRIPTION',
    {
      id: store.newId('Evt'),
      time: now,
      name: subscription.name,
      noun: subscription.noun,
      verb: subscription.verb,
      verbAction: subscription.verb,
      actor: { id: actorId, roleId: actor ? roleOf(actor).id : undefined, roleType: actor?.roleType },
      object: subscription.object,
      target: { networkId, ...subscription.target },
      shortDescription: `${actor?.name ?? actorId} ${subscription.description}`,
    },
    { actor: publicMember(actor) },
  );
}

/** The URL check sent on start. */
export function testEnvelope(store: EmulatorStore, challenge: string): EmulatorWebhookEnvelope {
  return envelope(store, 'TEST', { challenge });
}

/** The app's install on one of its networks (the emulator serves one; others are named by ID only). */
export function installedEnvelope(store: EmulatorStore, networkId: string, graphqlUrl: string): EmulatorWebhookEnvelope {
  const { network } = store.data;
  const networkInfo = networkId === network.id ? { id: network.id, graphqlUrl, domain: network.domain } : { id: networkId, graphqlUrl };
  return { ...envelope(store, 'APP_INSTALLED', { networkInfo }), networkId, entityId: networkId };
}

/** What an interaction request says: who interacted, with which block or shortcut, and their inputs. */
export interface InteractionInput {
  /** The member who interacted (default: the first person of the network). */
  actorId?: string;
  /** Which block asked; `settings` for the app's settings page. */
  dynamicBlockKey?: string;
  shortcutKey?: string;
  callbackId?: string;
  inputs?: Record<string, unknown>;
  preview?: boolean;
}

/** An `INTERACTION` request for the emulator's app. */
export function interactionEnvelope(store: EmulatorStore, input: InteractionInput): EmulatorWebhookEnvelope {
  const app = store.data.apps[0]!;
  const actorId = input.actorId ?? store.people()[0]?.id ?? '';
  return envelope(
    store,
    'INTERACTION',
    {
      actorId,
      appId: app.id,
      interactionId: store.newId('Int'),
      preview: input.preview ?? false,
      dynamicBlockKey: input.dynamicBlockKey,
      shortcutKey: input.shortcutKey,
      callbackId: input.callbackId,
      inputs: input.inputs ?? {},
    },
    { actor: publicMember(store.member(actorId)) },
  );
}
