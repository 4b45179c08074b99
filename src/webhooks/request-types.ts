/**
 * Every request type the platform sends to an app, with the handler option that answers it, the `data` fields
 * the SDK requires, and what it answers when no handler does. The type union, the parser's set, the handler
 * options and the dispatch all come from this one table.
 */
export const REQUEST_TYPES = {
  /** The URL check: the handler answers it by itself. */
  TEST: { handler: null, requires: ['challenge'], empty: 'object' },
  SUBSCRIPTION: { handler: null, requires: ['id', 'name'], empty: 'object' },
  APP_INSTALLED: { handler: 'onInstalled', requires: [], empty: 'object' },
  APP_UNINSTALLED: { handler: 'onUninstalled', requires: [], empty: 'object' },
  INTERACTION: { handler: 'onInteraction', requires: ['interactionId'], empty: 'interactions' },
  GET_SETTINGS: { handler: 'onSettings', requires: [], empty: 'object' },
  UPDATE_SETTINGS: { handler: 'onSettings', requires: [], empty: 'object' },
  SHORTCUTS_STATES: { handler: 'onShortcutsStates', requires: [], empty: 'array' },
  FEDERATED_SEARCH: { handler: 'onFederatedSearch', requires: [], empty: 'array' },
} as const satisfies Record<string, { handler: `on${string}` | null; requires: readonly string[]; empty: 'object' | 'array' | 'interactions' }>;

/** Every request type the platform sends to an app's URLs. */
export type WebhookType = keyof typeof REQUEST_TYPES;

/** The name of a handler option that answers requests of some type (`onInstalled`, `onSettings`, …). */
export type RequestHandlerName = NonNullable<(typeof REQUEST_TYPES)[WebhookType]['handler']>;

/** The request types in the table's order. */
export const WEBHOOK_TYPES = Object.keys(REQUEST_TYPES) as WebhookType[];

/** Whether a string names a request type; own keys only. */
export function isWebhookType(type: string): type is WebhookType {
  return Object.hasOwn(REQUEST_TYPES, type);
}
