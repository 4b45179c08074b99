import type { WebhookType } from './request-types.js';
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

/** What an `INTERACTION` request carries: who, which block or shortcut, which button or form, and the form's values. */
export interface InteractionData {
  actorId?: string;
  appId?: string;
  /** The answer's interactions usually take this as their `id`. */
  interactionId: string;
  /** True while an admin previews the block in the editor. */
  preview?: boolean;
  /** The block asked for; `settings` for the app's settings page; null for a shortcut. */
  dynamicBlockKey?: string | null;
  /** The shortcut clicked, or null. */
  shortcutKey?: string | null;
  /** The Button or Form used, or null on a first load. */
  callbackId?: string | null;
  /** The form's values, or null. */
  inputs?: Record<string, unknown> | null;
  props?: Record<string, unknown> | null;
  [key: string]: unknown;
}

/** A member interacted with the app's blocks, shortcuts or settings page; answer with interactions. */
export type InteractionEvent = WebhookEnvelope<'INTERACTION', InteractionData>;

/** The platform asks for the app's settings, or sends changed ones; answer with `toStore`. */
export type SettingsEvent = WebhookEnvelope<'GET_SETTINGS' | 'UPDATE_SETTINGS', Record<string, unknown>>;

/** One entity whose shortcuts' states the platform asks for. */
export interface ShortcutsStatesEntity {
  /** `NETWORK`, `SPACE`, `POST` or `MEMBER`. */
  context: string;
  entity: { id: string; [key: string]: unknown };
  /** The keys of the app's shortcuts on it. */
  shortcuts: string[];
}

/** What a `SHORTCUTS_STATES` request carries. */
export interface ShortcutsStatesData {
  member?: Record<string, unknown>;
  role?: Record<string, unknown>;
  entities: ShortcutsStatesEntity[];
  [key: string]: unknown;
}

/** The platform asks which state each shortcut is in on some entities; answer with `shortcutStates([...])`. */
export type ShortcutsStatesEvent = WebhookEnvelope<'SHORTCUTS_STATES', ShortcutsStatesData>;

/** The platform forwards a search to the app; answer with `searchResults([...])`. */
export type FederatedSearchEvent = WebhookEnvelope<'FEDERATED_SEARCH', { query: string; [key: string]: unknown }>;

/** A subscribed event: a documented name or any other. */
export type SubscriptionEvent = KnownSubscriptionEvent | GenericSubscriptionEvent;

/** Each request type's event; indexed by {@link WebhookType}, so a type added to the table without an event fails to compile. */
export interface WebhookEvents {
  TEST: TestEvent;
  SUBSCRIPTION: SubscriptionEvent;
  APP_INSTALLED: AppInstalledEvent;
  APP_UNINSTALLED: AppUninstalledEvent;
  INTERACTION: InteractionEvent;
  GET_SETTINGS: SettingsEvent;
  UPDATE_SETTINGS: SettingsEvent;
  SHORTCUTS_STATES: ShortcutsStatesEvent;
  FEDERATED_SEARCH: FederatedSearchEvent;
}

/** Any verified delivery, discriminated by `type`. */
export type WebhookEvent = WebhookEvents[WebhookType];
