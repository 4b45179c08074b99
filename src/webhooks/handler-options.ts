import { TribeConfigError } from '../errors.js';
import { callable, duration, invalid, object } from '../options/rules.js';
import type { WebhookAnswer } from './answers.js';
import type { WebhookDedupStore } from './dedup-store.js';
import type { GenericSubscriptionEvent, SubscriptionEvent, SubscriptionEventOf, WebhookEvent, WebhookEvents } from './envelope.js';
import type { WebhookClientOptions } from './network-clients.js';
import { REQUEST_TYPES, WEBHOOK_TYPES, type RequestHandlerName, type WebhookType } from './request-types.js';
import type { BlockRoute, SearchRoute, ShortcutRoute } from './routes.js';
import type { SubscriptionEventName } from './subscription-events.js';
import { resolveVerifyOptions, WEBHOOK_DEFAULTS, type ResolvedVerifyOptions, type VerifyWebhookOptions } from './verify-options.js';
import type { WebhookContext } from './webhook-context.js';

/** What each handler receives besides the event. */
export type { WebhookContext } from './webhook-context.js';

/** A function receiving an event and its context. Method syntax makes the parameter bivariant, so that a handler of one event type fits the index signature of all names. */
export type WebhookCallback<TEvent, TResult> = {
  /** Handles one event. */
  handle(event: TEvent, context: WebhookContext): TResult | Promise<TResult>;
}['handle'];

/** A handler of subscribed events; what it returns is ignored. */
export type SubscriptionHandler<TEvent extends SubscriptionEvent = GenericSubscriptionEvent> = WebhookCallback<TEvent, unknown>;

/** A handler of a request the platform waits for an answer to; returning nothing answers the type's empty success. */
export type RequestHandler<TEvent extends WebhookEvent> = WebhookCallback<TEvent, WebhookAnswer | void>;

/** Handlers by event name: documented names get their event's type, any other name the generic event. */
export type SubscriptionHandlers = { [TName in SubscriptionEventName]?: SubscriptionHandler<SubscriptionEventOf<TName>> } & {
  [name: string]: SubscriptionHandler<GenericSubscriptionEvent> | undefined;
};

type EventOfHandler<TName extends RequestHandlerName> = {
  [TType in WebhookType]: (typeof REQUEST_TYPES)[TType]['handler'] extends TName ? WebhookEvents[TType] : never;
}[WebhookType];

/** One handler option per request type of the table (`onInteraction`, `onSettings`, `onInstalled`, …), each typed by its event. */
export type RequestHandlers = { [TName in RequestHandlerName]?: RequestHandler<EventOfHandler<TName>> };

/**
 * Options of {@link createWebhookHandler}. `TBlockKey` and `TShortcutKey` name the app's dynamic blocks and shortcuts (a
 * key that is not among them is a type error), `TSettings` the settings it stores.
 */
export interface WebhookHandlerOptions<TBlockKey extends string = string, TShortcutKey extends string = string, TSettings = Record<string, unknown>>
  extends VerifyWebhookOptions, RequestHandlers {
  /** Handlers of subscribed events by `data.name`, e.g. `'post.published'`. */
  on?: SubscriptionHandlers;
  /** Receives every subscribed event after its named handler, including names without one. */
  onAny?: SubscriptionHandler;
  /** Dynamic blocks by `dynamicBlockKey` (`settings` is the app's settings page): `load` and `callbacks` by `callbackId`. */
  blocks?: { [TKey in TBlockKey]?: BlockRoute<TSettings, TBlockKey> };
  /** Shortcuts by `shortcutKey`: a click, its callbacks, and their `state` for `SHORTCUTS_STATES`. */
  shortcuts?: { [TKey in TShortcutKey]?: ShortcutRoute<TSettings, TBlockKey> };
  /** Answers `FEDERATED_SEARCH` with the app's results for a query. */
  search?: SearchRoute;
  /**
   * Receives what went wrong: a refused delivery (a `TribeWebhookError`), what a handler threw, a request for a block or
   * shortcut the app does not have. Only here: the response says no more than that the app failed.
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

const HANDLER_NAMES = [...new Set(WEBHOOK_TYPES.flatMap((type) => REQUEST_TYPES[type].handler ?? []))];
const CALLBACKS = [...HANDLER_NAMES, 'onAny', 'onError', 'search'] as const;

/** Handler options after validation: the verification ones plus the dedup and body timeouts. */
export interface ResolvedHandlerOptions extends ResolvedVerifyOptions {
  dedupTimeoutMs: number;
  bodyTimeoutMs: number;
}

function checkRoutes(table: Record<string, unknown> | undefined, option: 'blocks' | 'shortcuts', functions: readonly string[]): void {
  for (const [key, route] of Object.entries(object(table, option))) {
    if (route === undefined) continue;
    const checked = object(route as Record<string, unknown>, `${option}['${key}']`);
    for (const name of functions) callable(checked[name], `${option}['${key}'].${name}`);
    for (const [callbackId, callback] of Object.entries(object(checked.callbacks as Record<string, unknown> | undefined, `${option}['${key}'].callbacks`))) {
      callable(callback, `${option}['${key}'].callbacks['${callbackId}']`);
    }
  }
}

/** Validates handler options when the handler is created, so a typo fails at start rather than on the first delivery. */
export function resolveHandlerOptions(options: WebhookHandlerOptions): ResolvedHandlerOptions {
  const verify = resolveVerifyOptions(options);
  const named = options as unknown as Record<string, unknown>;
  for (const name of CALLBACKS) callable(named[name], name);
  for (const [name, handler] of Object.entries(object(options.on, 'on'))) callable(handler, `on['${name}']`);
  checkRoutes(options.blocks, 'blocks', ['load']);
  checkRoutes(options.shortcuts, 'shortcuts', ['click', 'state']);
  if (options.search && options.onFederatedSearch) throw new TribeConfigError('tribe-sdk: give search or onFederatedSearch, not both');
  const states = Object.values(options.shortcuts ?? {}).some((route) => typeof route?.state === 'function');
  if (states && options.onShortcutsStates) throw new TribeConfigError("tribe-sdk: give the shortcuts' state functions or onShortcutsStates, not both");
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
