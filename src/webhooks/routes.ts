import { toStore, type SucceededAnswer, type WebhookAnswer } from './answers.js';
import type { FederatedSearchEvent, InteractionEvent, ShortcutsStatesEvent } from './envelope.js';
import type { WebhookContext } from './webhook-context.js';
import {
  close,
  dataInteraction,
  openModal,
  openToast,
  redirect,
  reload,
  show,
  type CloseInteraction,
  type DataInteraction,
  type Interaction,
  type ModalProps,
  type OpenModalInteraction,
  type OpenToastInteraction,
  type RedirectInteraction,
  type ReloadInteraction,
  type ReloadProps,
  type ShowInteraction,
  type SlateSource,
  type ToastProps,
} from './interactions.js';
import type { SearchResult } from './shortcuts-search.js';

/** What a block's or a shortcut's function may return: one interaction, several, a whole answer (e.g. `failed()`), or nothing. */
export type RouteAnswer<TBlockKey extends string = string> = Interaction<TBlockKey> | ReadonlyArray<Interaction<TBlockKey>> | WebhookAnswer | void;

/** What a block's `load` and callbacks receive: the request, the app's settings, and interaction builders bound to this interaction. */
export interface InteractionContext<TSettings = Record<string, unknown>, TBlockKey extends string = string> extends WebhookContext {
  readonly event: InteractionEvent;
  readonly interactionId: string;
  readonly actorId: string | undefined;
  readonly networkId: string;
  /** True while an admin previews the block in the editor. */
  readonly preview: boolean;
  /** The settings the app stored with `store()`, as the platform sends them back in `currentSettings`. */
  readonly settings: TSettings | undefined;
  /** Shows a slate in place of the block. */
  show(slate: SlateSource): ShowInteraction;
  /** Opens a modal; `title` is required. */
  openModal(slate: SlateSource, props: ModalProps): OpenModalInteraction;
  /** Shows a toast. */
  toast(props: ToastProps): OpenToastInteraction;
  /** Closes the modal the interaction came from. */
  close(): CloseInteraction;
  /** Loads blocks again (by default the one that asked). */
  reload(props?: ReloadProps<TBlockKey>): ReloadInteraction<TBlockKey>;
  /** Sends the member to a URL. */
  redirect(url: string, external?: boolean): RedirectInteraction;
  /** Hands data back to the block. */
  data(props: Record<string, unknown>): DataInteraction;
  /** Answers with settings for the platform to keep (`toStore`), plus interactions to show. */
  store(settings: TSettings, ...interactions: Array<Interaction<TBlockKey>>): SucceededAnswer<unknown>;
}

/** A function answering an interaction. Method syntax keeps the parameters bivariant, so typed routes fit the options. */
export type InteractionRoute<TSettings, TBlockKey extends string> = {
  /** Answers one interaction. */
  answer(context: InteractionContext<TSettings, TBlockKey>): RouteAnswer<TBlockKey> | Promise<RouteAnswer<TBlockKey>>;
}['answer'];

/** A function answering a Button or Form callback; `inputs` holds the form's values (empty for a Button). */
export type CallbackRoute<TSettings, TBlockKey extends string> = {
  /** Answers one callback. */
  answer(context: InteractionContext<TSettings, TBlockKey>, inputs: Record<string, unknown>): RouteAnswer<TBlockKey> | Promise<RouteAnswer<TBlockKey>>;
}['answer'];

/** A dynamic block: `load` answers its first request, `callbacks` its Buttons and Forms by `callbackId`. */
export interface BlockRoute<TSettings = Record<string, unknown>, TBlockKey extends string = string> {
  load?: InteractionRoute<TSettings, TBlockKey>;
  callbacks?: Record<string, CallbackRoute<TSettings, TBlockKey>>;
}

/** One entity a shortcut's state is asked for. */
export interface ShortcutTarget {
  /** `NETWORK`, `SPACE`, `POST` or `MEMBER`. */
  context: string;
  entityId: string;
  entity: Record<string, unknown>;
  shortcut: string;
  event: ShortcutsStatesEvent;
}

/** A shortcut: `click` answers a click on it, `callbacks` what it opened, `state` its state on an entity for `SHORTCUTS_STATES`. */
export interface ShortcutRoute<TSettings = Record<string, unknown>, TBlockKey extends string = string> {
  click?: InteractionRoute<TSettings, TBlockKey>;
  callbacks?: Record<string, CallbackRoute<TSettings, TBlockKey>>;
  /** The shortcut's state on one entity (e.g. `'favorite'` or `'unfavorite'`); nothing leaves it out. */
  state?(target: ShortcutTarget, context: WebhookContext): string | undefined | Promise<string | undefined>;
}

/** Answers the community's search with the app's results. */
export type SearchRoute = {
  /** Searches for one query. */
  search(query: string, context: WebhookContext & { readonly event: FederatedSearchEvent }): SearchResult[] | Promise<SearchResult[]>;
}['search'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The app's stored settings from `currentSettings`: the entry for the request's entity, else the first. */
export function currentSettings(event: InteractionEvent): unknown {
  const entries = Array.isArray(event.currentSettings) ? event.currentSettings.filter(isObject) : [];
  const entry = entries.find((candidate) => candidate.entityId === event.entityId) ?? entries[0];
  return entry?.settings;
}

/** The context handed to a block's or a shortcut's functions. */
export function interactionContext<TSettings, TBlockKey extends string>(
  event: InteractionEvent,
  base: WebhookContext,
): InteractionContext<TSettings, TBlockKey> {
  const id = event.data.interactionId;
  return {
    get client() {
      return base.client;
    },
    event,
    interactionId: id,
    actorId: event.data.actorId,
    networkId: event.networkId,
    preview: event.data.preview === true,
    settings: currentSettings(event) as TSettings | undefined,
    show: (slate) => show(id, slate),
    openModal: (slate, props) => openModal(id, slate, props),
    toast: (props) => openToast(id, props),
    close: () => close(id),
    reload: (props) => reload(id, props),
    redirect: (url, external) => redirect(id, url, external),
    data: (props) => dataInteraction(id, props),
    store: (settings, ...interactions) => toStore(settings, ...interactions),
  };
}
