import { notFound } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import { paginate, type PageArgs } from '../pagination.js';
import type { NotificationSubscriptionRecord } from '../store.js';
import { memberViewerOf } from '../viewer.js';

/** What a publisher ID names: a post, a space or a member (undefined once it is gone). */
function publisherType(context: EmulatorContext, publisherId: string): 'post' | 'space' | 'member' | undefined {
  const { store } = context;
  if (store.post(publisherId)) return 'post';
  if (store.space(publisherId)) return 'space';
  return store.member(publisherId) ? 'member' : undefined;
}

function requirePublisher(context: EmulatorContext, publisherId: string): void {
  if (!publisherType(context, publisherId)) throw notFound('publisher', publisherId);
}

/** Tribe's `Publisher`: its type, and the post, space or member it is. */
function publisherOf(context: EmulatorContext, record: NotificationSubscriptionRecord) {
  const { store } = context;
  const type = publisherType(context, record.publisherId) ?? 'member';
  return {
    id: record.publisherId,
    networkId: store.data.network.id,
    type: type.charAt(0).toUpperCase() + type.slice(1),
    post: type === 'post' ? store.post(record.publisherId) : null,
    space: type === 'space' ? store.space(record.publisherId) : null,
    member: type === 'member' ? store.member(record.publisherId) : null,
  };
}

/** Notification subscriptions: subscribing to a post, space or member, and listing one's own. */
export const subscriptionResolvers = {
  Query: {
    subscriptions: (_: unknown, args: PageArgs & { publisherType?: string | null }, context: EmulatorContext) => {
      const viewer = memberViewerOf(context);
      const wanted = args.publisherType?.toLowerCase();
      const list = context.store.data.subscriptions
        .filter((record) => record.subscriberId === viewer.memberId && publisherType(context, record.publisherId) !== undefined)
        .filter((record) => !wanted || publisherType(context, record.publisherId) === wanted)
        .map((record) => ({ ...record, networkId: context.store.data.network.id, publisher: publisherOf(context, record) }));
      return paginate(list, args);
    },
  },
  Mutation: {
    subscribe: (_: unknown, args: { publisherId: string }, context: EmulatorContext) => {
      const viewer = memberViewerOf(context);
      requirePublisher(context, args.publisherId);
      const { subscriptions } = context.store.data;
      if (!subscriptions.some((record) => record.subscriberId === viewer.memberId && record.publisherId === args.publisherId)) {
        subscriptions.push({
          id: context.store.newId('Sub'),
          subscriberId: viewer.memberId,
          publisherId: args.publisherId,
          createdAt: new Date().toISOString(),
        });
      }
      return { status: 'succeeded' };
    },
    unsubscribe: (_: unknown, args: { publisherId: string }, context: EmulatorContext) => {
      const viewer = memberViewerOf(context);
      requirePublisher(context, args.publisherId);
      context.store.data.subscriptions = context.store.data.subscriptions.filter(
        (record) => !(record.subscriberId === viewer.memberId && record.publisherId === args.publisherId),
      );
      return { status: 'succeeded' };
    },
  },
};
