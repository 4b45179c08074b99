import type { SubscriptionData, SubscriptionEventName, SubscriptionObjects } from './subscription-events.js';

/** An entity the platform attaches to a delivery (`network`, `actor`, `post`, …). */
export type WebhookEntity = { id?: string; [key: string]: unknown } | null;

/** What every delivery has; `type` tells which request it is. */
export interface WebhookEnvelope<TType extends WebhookType, TData> {
  type: TType;
  /** The network (community) the delivery is about; the handler's client acts on it. */
  networkId: string;
  context?: string;
  entityId?: string;
  currentSettings?: unknown[];
  data: TData;
  entities?: Partial<Record<'network' | 'actor' | 'owner' | 'targetMember' | 'post' | 'postType' | 'space', WebhookEntity>> &
    Record<string, WebhookEntity | undefined>;
}

/** Every request type the platform sends to an app's webhook URL. */
export type WebhookType =
  'TEST' | 'SUBSCRIPTION' | 'APP_INSTALLED' | 'APP_UNINSTALLED' | 'INTERACTION' | 'GET_SETTINGS' | 'UPDATE_SETTINGS' | 'SHORTCUTS_STATES' | 'FEDERATED_SEARCH';

/** The URL check: answer with the same challenge (the handler does it by itself). */
export type TestEvent = WebhookEnvelope<'TEST', { challenge: string; [key: string]: unknown }>;

/** A subscribed event with a documented name, typed by that name. */
export type SubscriptionEventOf<TName extends SubscriptionEventName> = WebhookEnvelope<'SUBSCRIPTION', SubscriptionData<TName, SubscriptionObjects[TName]>>;

/** Any subscribed event with a documented name, discriminated by `data.name`. */
export type KnownSubscriptionEvent = { [TName in SubscriptionEventName]: SubscriptionEventOf<TName> }[SubscriptionEventName];

/** A subscribed event with any name, including those without a type of their own; never dropped. */
export type GenericSubscriptionEvent = WebhookEnvelope<'SUBSCRIPTION', SubscriptionData<string, Record<string, unknown>>>;

/** Where the platform says where an app is (un)installed. */
export interface NetworkInfo {
  id: string;
  graphqlUrl?: string;
  domain?: string;
  [key: string]: unknown;
}

/** The app was installed on a network. */
export type AppInstalledEvent = WebhookEnvelope<'APP_INSTALLED', { networkInfo?: NetworkInfo; [key: string]: unknown }>;

/** The app was removed from a network. */
export type AppUninstalledEvent = WebhookEnvelope<'APP_UNINSTALLED', { networkInfo?: NetworkInfo; [key: string]: unknown }>;

/** A member interacted with the app's blocks, shortcuts or settings page; answer with interactions. */
export type InteractionEvent = WebhookEnvelope<
  'INTERACTION',
  {
    actorId?: string;
    appId?: string;
    interactionId: string;
    preview?: boolean;
    /** `settings` for the app's settings page. */
    dynamicBlockKey?: string;
    shortcutKey?: string;
    callbackId?: string;
    inputs?: Record<string, unknown>;
    [key: string]: unknown;
  }
>;

/** The platform asks for the app's settings, or sends changed ones; answer with `toStore`. */
export type SettingsEvent = WebhookEnvelope<'GET_SETTINGS' | 'UPDATE_SETTINGS', Record<string, unknown>>;

/** The platform asks which shortcuts are on for an entity. */
export type ShortcutsStatesEvent = WebhookEnvelope<'SHORTCUTS_STATES', Record<string, unknown>>;

/** The platform forwards a search to the app. */
export type FederatedSearchEvent = WebhookEnvelope<'FEDERATED_SEARCH', Record<string, unknown>>;

/** A subscribed event: a documented name or any other. */
export type SubscriptionEvent = KnownSubscriptionEvent | GenericSubscriptionEvent;

/** Any verified delivery, discriminated by `type`. */
export type WebhookEvent =
  TestEvent | SubscriptionEvent | AppInstalledEvent | AppUninstalledEvent | InteractionEvent | SettingsEvent | ShortcutsStatesEvent | FederatedSearchEvent;
