import type { TribeClient } from '../index.js';
import { callable, duration, invalid, object } from '../options/rules.js';
import type { WebhookAnswer } from './answers.js';
import type { WebhookDedupStore } from './dedup-store.js';
import type {
  AppInstalledEvent,
  AppUninstalledEvent,
  FederatedSearchEvent,
  GenericSubscriptionEvent,
  InteractionEvent,
  SettingsEvent,
  ShortcutsStatesEvent,
  SubscriptionEvent,
  SubscriptionEventOf,
  WebhookEvent,
} from './envelope.js';
import type { WebhookClientOptions } from './network-clients.js';
import type { SubscriptionEventName } from './subscription-events.js';
import { resolveVerifyOptions, WEBHOOK_DEFAULTS, type ResolvedVerifyOptions, type VerifyWebhookOptions } from './verify-options.js';

/** What each handler receives besides the event. */
export interface WebhookContext {
  /** A client for the event's network acting as the app's bot; `client.impersonate(actorId)` acts as a member. Needs the `client` option. */
  readonly client: TribeClient;
}

/** A function receiving an event and its context. Method syntax makes the parameter bivariant, so that a handler of one event type fits the index signature of all names. */
export type WebhookCallback<TEvent, TResult> = {
  /** Handles one event. */
  handle(event: TEvent, context: WebhookContext): TResult | Promise<TResult>;
}['handle'];

/** A handler of subscribed events; what it returns is ignored. */
export type SubscriptionHandler<TEvent extends SubscriptionEvent = GenericSubscriptionEvent> = WebhookCallback<TEvent, unknown>;

/** A handler of a request the platform waits for an answer to; returning nothing answers a plain success. */
export type RequestHandler<TEvent extends WebhookEvent> = WebhookCallback<TEvent, WebhookAnswer | void>;

/** Handlers by event name: documented names get their event's type, any other name the generic event. */
export type SubscriptionHandlers = { [TName in SubscriptionEventName]?: SubscriptionHandler<SubscriptionEventOf<TName>> } & {
  [name: string]: SubscriptionHandler<GenericSubscriptionEvent> | undefined;
};

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions extends VerifyWebhookOptions {
  /** Handlers of subscribed events by `data.name`, e.g. `'post.published'`. */
  on?: SubscriptionHandlers;
  /** Receives every subscribed event after its named handler, including names without one. */
  onAny?: SubscriptionHandler;
  onInteraction?: RequestHandler<InteractionEvent>;
  /** Answers `GET_SETTINGS` and `UPDATE_SETTINGS`, usually with `toStore(settings)`. */
  onSettings?: RequestHandler<SettingsEvent>;
  onInstalled?: RequestHandler<AppInstalledEvent>;
  onUninstalled?: RequestHandler<AppUninstalledEvent>;
  onShortcutsStates?: RequestHandler<ShortcutsStatesEvent>;
  onFederatedSearch?: RequestHandler<FederatedSearchEvent>;
  /**
   * Receives what went wrong: a refused delivery (a `TribeWebhookError`) or what a handler threw. Only here:
   * the response says no more than that the app failed.
   */
  onError?: (error: unknown, event: WebhookEvent | undefined) => void | Promise<void>;
  /** The app's client ID and secret (and other client options): each handler then gets `context.client`. */
  client?: WebhookClientOptions;
  /** Where processed deliveries are remembered for deduplication (default: in memory, bounded). */
  dedupStore?: WebhookDedupStore;
  /** How long the plugged-in dedup store may take per call, in ms (default 5000). */
  dedupTimeoutMs?: number;
  /** How long a request's whole body may take to arrive, in ms, before it is refused with 408 (default 10000). */
  bodyTimeoutMs?: number;
}

const CALLBACKS = ['onAny', 'onInteraction', 'onSettings', 'onInstalled', 'onUninstalled', 'onShortcutsStates', 'onFederatedSearch', 'onError'] as const;

/** Handler options after validation: the verification ones plus the dedup and body timeouts. */
export interface ResolvedHandlerOptions extends ResolvedVerifyOptions {
  dedupTimeoutMs: number;
  bodyTimeoutMs: number;
}

/** Validates handler options when the handler is created, so a typo fails at start rather than on the first delivery. */
export function resolveHandlerOptions(options: WebhookHandlerOptions): ResolvedHandlerOptions {
  const verify = resolveVerifyOptions(options);
  for (const name of CALLBACKS) callable(options[name], name);
  for (const [name, handler] of Object.entries(object(options.on, 'on'))) callable(handler, `on['${name}']`);
  object(options.client, 'client');
  if (options.dedupStore !== undefined) {
    const store = object(options.dedupStore, 'dedupStore');
    if (typeof store.claim !== 'function' || typeof store.release !== 'function') invalid('dedupStore', 'an object with claim() and release()');
  }
  return {
    ...verify,
    dedupTimeoutMs: duration(options.dedupTimeoutMs, 'dedupTimeoutMs', 1) ?? WEBHOOK_DEFAULTS.dedupTimeoutMs,
    bodyTimeoutMs: duration(options.bodyTimeoutMs, 'bodyTimeoutMs', 1) ?? WEBHOOK_DEFAULTS.bodyTimeoutMs,
  };
}
