import type { WebhookType } from './request-types.js';
import type { Interaction } from './interactions.js';

/** The platform's numeric error codes for failed answers (the official app template's enum). */
export const ERROR_CODES = {
  UnknownError: 1,
  ServerError: 10,
  ServiceTimeout: 30,
  ServiceUnavailable: 50,
  ParameterValidationFailed: 100,
  PermissionError: 102,
  UserRequestReached: 104,
  InvalidParameter: 106,
  InvalidAccessToken: 108,
  ResourceNotFound: 110,
  MissingParameter: 112,
  ParameterTypeProblem: 114,
  DatabaseError: 116,
  InvalidRequest: 118,
  RequestBlockedForPolicies: 120,
  BackendError: 122,
} as const;

/** One of the platform's numeric error codes. */
export type WebhookErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

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
  /** A platform code from {@link ERROR_CODES}; the SDK's own refusals of a delivery (HTTP 4xx/5xx) carry a string. */
  errorCode: WebhookErrorCode | string;
  errorMessage: string;
}

/** What a handler may return to answer a request. */
export type WebhookAnswer = SucceededAnswer<unknown> | FailedAnswer;

/** The `data` of an interaction answer; `toStore` saves the app's settings on the network. */
export interface InteractionAnswerData<TBlockKey extends string = string> {
  interactions: Array<Interaction<TBlockKey>>;
  toStore?: unknown;
}

/** Answers an `INTERACTION` with the given interactions, in order (say a toast and a close). */
export function interactionAnswer<TBlockKey extends string = string>(
  ...interactions: Array<Interaction<TBlockKey>>
): SucceededAnswer<InteractionAnswerData<TBlockKey>> {
  return { type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions } };
}

/** Answers with settings for the platform to keep (they come back as `currentSettings`), plus interactions to show. */
export function toStore<TSettings>(settings: TSettings, ...interactions: Interaction[]): SucceededAnswer<{ toStore: TSettings; interactions?: Interaction[] }> {
  return { status: 'SUCCEEDED', data: interactions.length > 0 ? { toStore: settings, interactions } : { toStore: settings } };
}

/** A plain success with optional data. */
export function succeeded<TData = Record<string, unknown>>(data?: TData): SucceededAnswer<TData | Record<string, never>> {
  return { status: 'SUCCEEDED', data: data ?? {} };
}

/** A refusal with one of the platform's numeric codes and a message for the platform (and the member) to see. */
export function failed(errorCode: WebhookErrorCode, errorMessage: string): FailedAnswer {
  return { status: 'FAILED', errorCode, errorMessage };
}

/** The SDK's own refusal of a delivery, sent with an HTTP 4xx/5xx; its code says which check failed. */
export function deliveryRefusal(errorCode: string, errorMessage: string): FailedAnswer {
  return { status: 'FAILED', errorCode, errorMessage };
}
