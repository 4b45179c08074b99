import type { WebhookType } from './envelope.js';

/** A successful answer; the handler fills in `type` from the request. */
export interface SucceededAnswer<TData = Record<string, unknown>> {
  type?: WebhookType;
  status: 'SUCCEEDED';
  data: TData;
}

/** A refusal the platform shows or records; the handler fills in `type` from the request. */
export interface FailedAnswer {
  type?: WebhookType;
  status: 'FAILED';
  errorCode: string;
  errorMessage: string;
}

/** What a handler may return to answer a request. */
export type WebhookAnswer = SucceededAnswer<unknown> | FailedAnswer;

/** A slate (the platform's UI tree) as an interaction answer carries it; passed through as is. */
export type Slate = Record<string, unknown>;

/** The interaction kinds an answer may hold. */
export type InteractionType = 'SHOW' | 'OPEN_MODAL' | 'OPEN_TOAST' | 'CLOSE' | 'RELOAD' | 'REDIRECT' | 'DATA';

/** One item of an interaction answer's `data.interactions`. */
export interface Interaction {
  /** Which interaction this answers, usually the request's `interactionId`. */
  id: string;
  type: InteractionType;
  slate?: Slate;
  props?: Record<string, unknown>;
}

/** Answers an `INTERACTION` with the given interactions, in order. */
export function interactionAnswer(...interactions: Interaction[]): SucceededAnswer<{ interactions: Interaction[] }> {
  return { type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions } };
}

/** Shows a slate in place of the block. */
export function show(id: string, slate: Slate): Interaction {
  return { id, type: 'SHOW', slate };
}

/** Opens a modal with a slate; `props` carries e.g. `title` and `size`. */
export function openModal(id: string, slate: Slate, props: { title?: string; size?: string; [key: string]: unknown } = {}): Interaction {
  return { id, type: 'OPEN_MODAL', slate, props };
}

/** Shows a toast. */
export function openToast(id: string, props: { title: string; status?: 'success' | 'error' | 'warning' | 'info'; description?: string }): Interaction {
  return { id, type: 'OPEN_TOAST', props };
}

/** Closes the modal the interaction came from. */
export function close(id: string): Interaction {
  return { id, type: 'CLOSE' };
}

/** Asks the platform to reload blocks; `props` may name them. */
export function reload(id: string, props: Record<string, unknown> = {}): Interaction {
  return { id, type: 'RELOAD', props };
}

/** Sends the member to a URL; `external` opens it outside the community. */
export function redirect(id: string, url: string, external = false): Interaction {
  return { id, type: 'REDIRECT', props: { url, external } };
}

/** Hands data back to the block that asked for it. */
export function dataInteraction(id: string, props: Record<string, unknown>): Interaction {
  return { id, type: 'DATA', props };
}

/** Answers a settings request; the platform keeps `toStore` as the app's settings on the network. */
export function toStore<TSettings>(settings: TSettings, data: Record<string, unknown> = {}): SucceededAnswer<{ toStore: TSettings }> {
  return { status: 'SUCCEEDED', data: { ...data, toStore: settings } };
}

/** A plain success with optional data. */
export function succeeded<TData = Record<string, unknown>>(data?: TData): SucceededAnswer<TData | Record<string, never>> {
  return { status: 'SUCCEEDED', data: data ?? {} };
}

/** A refusal with a code and a message for the platform (and the member) to see. */
export function failed(errorCode: string, errorMessage: string): FailedAnswer {
  return { status: 'FAILED', errorCode, errorMessage };
}
