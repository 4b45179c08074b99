import type { TribeClient } from '../index.js';

/** What each handler receives besides the event. */
export interface WebhookContext {
  /** A client for the event's network acting as the app's bot; `client.impersonate(actorId)` acts as a member. Needs the `client` option. */
  readonly client: TribeClient;
}
