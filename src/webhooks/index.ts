/** tribe-sdk/webhooks: verify the platform's deliveries, type them, and answer them; web-standard, for every runtime. */

/** Verification of one signed delivery, and its defaults (15 minutes, 1 MiB). */
export { verifyWebhook, createWebhookVerifier, DEFAULT_MAX_BODY_BYTES, DEFAULT_TOLERANCE_MS } from './verify.js';
/** The options and input of verification. */
export type { WebhookDelivery, WebhookVerifier } from './verify.js';
/** The options of verification, shared by the handler. */
export type { VerifyWebhookOptions } from './verify-options.js';
/** Signing a body like the platform does, for an app's own tests. */
export { signWebhook } from './sign.js';
/** The options and result of signing. */
export type { SignedWebhook, SignWebhookOptions } from './sign.js';
/** The error of a refused delivery, with its `reason`. */
export { TribeWebhookError } from './webhook-error.js';
/** Why a delivery was refused. */
export type { TribeWebhookDetails, TribeWebhookReason } from './webhook-error.js';
/** The header names deliveries are signed with, Bettermode's and the Tribe-era ones. */
export { SIGNATURE_HEADERS, TIMESTAMP_HEADERS } from './headers.js';
/** Headers as the web or Node hands them over. */
export type { WebhookHeaders } from './headers.js';
/** The web-standard handler of an app's webhook URL. */
export { createWebhookHandler } from './handler.js';
/** The handler's type: `(request: Request) => Promise<Response>` plus `close()`. */
export type { WebhookHandler } from './handler.js';
/** The handler's options, and the types of the functions it calls. */
export type {
  RequestHandler,
  RequestHandlers,
  SubscriptionHandler,
  SubscriptionHandlers,
  WebhookCallback,
  WebhookContext,
  WebhookHandlerOptions,
} from './handler-options.js';
/** The routes of dynamic blocks, shortcuts and search, and what their functions receive and return. */
export type { BlockRoute, CallbackRoute, InteractionContext, InteractionRoute, RouteAnswer, SearchRoute, ShortcutRoute, ShortcutTarget } from './routes.js';
/** Every request type with its handler option and empty answer: the one table the types and the dispatch come from. */
export { REQUEST_TYPES, WEBHOOK_TYPES } from './request-types.js';
/** A request type, and the name of a handler option. */
export type { RequestHandlerName, WebhookType } from './request-types.js';
/** The adapter for `node:http` and Express, written with web-standard code only. */
export { toNodeListener } from './node-listener.js';
/** The request and response shapes the adapter reads and writes. */
export type { NodeRequestLike, NodeResponseLike, NodeWebhookListener } from './node-listener.js';
/** The default, in-memory and bounded deduplication store. */
export { DEFAULT_DEDUP_ENTRIES, MemoryDedupStore } from './dedup-store.js';
/** The interface of a deduplication store, e.g. one on Redis. */
export type { DedupClaim, WebhookDedupStore } from './dedup-store.js';
/** How many networks' clients the handler keeps. */
export { DEFAULT_MAX_NETWORK_CLIENTS } from './network-clients.js';
/** The app's client options for the clients handed to handlers. */
export type { WebhookClientOptions } from './network-clients.js';
/** Answer builders: interactions, settings to store, success, and failure with the platform's numeric codes. */
export { ERROR_CODES, failed, interactionAnswer, succeeded, toStore } from './answers.js';
/** The shapes of answers. */
export type { FailedAnswer, InteractionAnswerData, SucceededAnswer, WebhookAnswer, WebhookErrorCode } from './answers.js';
/** Interaction builders (slates are validated as they are added) and the platform's enums. */
export { close, dataInteraction, INTERACTION_TYPES, MODAL_SIZES, openModal, openToast, redirect, reload, show, TOAST_STATUSES } from './interactions.js';
/** The shapes of the seven interactions. */
export type {
  CloseInteraction,
  DataInteraction,
  Interaction,
  InteractionType,
  ModalProps,
  ModalSize,
  OpenModalInteraction,
  OpenToastInteraction,
  RedirectInteraction,
  ReloadInteraction,
  ReloadProps,
  ShowInteraction,
  SlateSource,
  ToastProps,
  ToastStatus,
} from './interactions.js';
/** Checks an answer against the platform's shapes for its request type, e.g. in an app's tests or a platform driver. */
export { validateAnswer } from './check-answer.js';
/** Answers of `SHORTCUTS_STATES` and `FEDERATED_SEARCH`, in the arrays the platform expects. */
export { searchResults, shortcutStates } from './shortcuts-search.js';
/** Their items. */
export type { SearchResult, ShortcutState, ShortcutStatesItem, WireSearchResult } from './shortcuts-search.js';
/** The envelope and every request type, discriminated by `type`. */
export type {
  AppInstalledEvent,
  AppUninstalledEvent,
  FederatedSearchEvent,
  GenericSubscriptionEvent,
  InteractionData,
  InteractionEvent,
  KnownSubscriptionEvent,
  NetworkInfo,
  SettingsEvent,
  ShortcutsStatesData,
  ShortcutsStatesEntity,
  ShortcutsStatesEvent,
  SubscriptionEvent,
  SubscriptionEventOf,
  TestEvent,
  WebhookEntity,
  WebhookEnvelope,
  WebhookEvent,
  WebhookEvents,
} from './envelope.js';
/** Subscribed events: their data, the documented names and what each carries. */
export type {
  SubscriptionData,
  SubscriptionEventName,
  SubscriptionObjects,
  WebhookActor,
  WebhookMember,
  WebhookPost,
  WebhookReaction,
  WebhookSpaceMembership,
  WebhookTarget,
} from './subscription-events.js';
