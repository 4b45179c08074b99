import { describe, expectTypeOf, it } from 'vitest';
import type { TribeClient } from '../../src/index.js';
import {
  createWebhookHandler,
  verifyWebhook,
  type GenericSubscriptionEvent,
  type InteractionEvent,
  type SubscriptionEventOf,
  type SubscriptionHandlers,
  type WebhookEvent,
  type WebhookPost,
  type WebhookSpaceMembership,
} from '../../src/webhooks/index.js';

type PostPublished = SubscriptionEventOf<'post.published'>;

describe('webhook types', () => {
  it("on['post.published'] receives the post event's type", () => {
    createWebhookHandler({
      signingSecret: 's',
      on: {
        'post.published': (event, context) => {
          expectTypeOf(event).toEqualTypeOf<PostPublished>();
          expectTypeOf(event.data.name).toEqualTypeOf<'post.published'>();
          expectTypeOf(event.data.object).toEqualTypeOf<WebhookPost>();
          expectTypeOf(context.client).toEqualTypeOf<TribeClient>();
        },
        'space_membership.created': (event) => {
          expectTypeOf(event.data.object).toEqualTypeOf<WebhookSpaceMembership>();
        },
      },
    });
    expectTypeOf<Parameters<NonNullable<SubscriptionHandlers['post.published']>>[0]>().toEqualTypeOf<PostPublished>();
  });

  it('an unknown event name is accepted and receives the generic event', () => {
    createWebhookHandler({
      signingSecret: 's',
      on: {
        'badge.awarded': (event) => {
          expectTypeOf(event).toEqualTypeOf<GenericSubscriptionEvent>();
          expectTypeOf(event.data.name).toEqualTypeOf<string>();
          expectTypeOf(event.data.object).toEqualTypeOf<Record<string, unknown>>();
        },
      },
    });
    expectTypeOf<Parameters<NonNullable<SubscriptionHandlers['collection.created']>>[0]>().toEqualTypeOf<GenericSubscriptionEvent>();
  });

  it('a handler of the wrong event type for a documented name is refused', () => {
    createWebhookHandler({
      signingSecret: 's',
      on: {
        // @ts-expect-error a post.published handler cannot take an interaction
        'post.published': (event: InteractionEvent) => event,
      },
    });
  });

  it('verifyWebhook resolves to the union discriminated by type', async () => {
    const event = await verifyWebhook({ rawBody: '', headers: {} }, { signingSecret: 's' }).catch(() => undefined as WebhookEvent | undefined);
    if (event?.type === 'TEST') expectTypeOf(event.data.challenge).toEqualTypeOf<string>();
    if (event?.type === 'INTERACTION') expectTypeOf(event.data.interactionId).toEqualTypeOf<string>();
    if (event?.type === 'APP_INSTALLED') expectTypeOf(event.data.networkInfo?.id).toEqualTypeOf<string | undefined>();
  });

  it('onInteraction must answer with an answer or nothing', () => {
    createWebhookHandler({
      signingSecret: 's',
      // @ts-expect-error a bare string is not an answer
      onInteraction: () => 'done',
    });
  });
});
