/** tribe-sdk/webhooks: verify the platform's deliveries, type them, and answer them; web-standard, for every runtime. */
export { verifyWebhook, createWebhookVerifier, DEFAULT_MAX_BODY_BYTES, DEFAULT_TOLERANCE_MS } from './verify.js';
export type { VerifyWebhookOptions, WebhookDelivery, WebhookVerifier } from './verify.js';
export { signWebhook } from './sign.js';
export type { SignedWebhook, SignWebhookOptions } from './sign.js';
export { TribeWebhookError } from './webhook-error.js';
export type { TribeWebhookReason } from './webhook-error.js';
export { SIGNATURE_HEADERS, TIMESTAMP_HEADERS } from './headers.js';
export type { WebhookHeaders } from './headers.js';
export { createWebhookHandler } from './handler.js';
export type { WebhookHandler } from './handler.js';
export type { RequestHandler, SubscriptionHandler, SubscriptionHandlers, WebhookContext, WebhookHandlerOptions } from './handler-options.js';
export { toNodeListener } from './node-listener.js';
export type { NodeRequestLike, NodeResponseLike, NodeWebhookListener } from './node-listener.js';
export { DEFAULT_DEDUP_ENTRIES, MemoryDedupStore } from './dedup-store.js';
export type { WebhookDedupStore } from './dedup-store.js';
export { DEFAULT_MAX_NETWORK_CLIENTS } from './network-clients.js';
export type { WebhookClientOptions } from './network-clients.js';
export { close, dataInteraction, failed, interactionAnswer, openModal, openToast, redirect, reload, show, succeeded, toStore } from './answers.js';
export type { FailedAnswer, Interaction, InteractionType, Slate, SucceededAnswer, WebhookAnswer } from './answers.js';
export type {
  AppInstalledEvent,
  AppUninstalledEvent,
  FederatedSearchEvent,
  GenericSubscriptionEvent,
  InteractionEvent,
  KnownSubscriptionEvent,
  NetworkInfo,
  SettingsEvent,
  ShortcutsStatesEvent,
  SubscriptionEvent,
  SubscriptionEventOf,
  TestEvent,
  WebhookEntity,
  WebhookEnvelope,
  WebhookEvent,
  WebhookType,
} from './envelope.js';
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
