import { TribeConfigError, TribeTimeoutError } from '../errors.js';
import { interactionAnswer, succeeded, type WebhookAnswer } from './answers.js';
import { checkAnswer } from './check-answer.js';
import type { WebhookDedupStore } from './dedup-store.js';
import { TribeWebhookError } from './webhook-error.js';
import type { SubscriptionEvent, WebhookEvent } from './envelope.js';
import type { RequestHandler, WebhookContext, WebhookHandlerOptions } from './handler-options.js';
import { reportError } from './report-error.js';
import { REQUEST_TYPES, type WebhookType } from './request-types.js';
import { routeInteraction, routeSearch, routeShortcutStates, type Routes } from './route-requests.js';

/** What dispatching needs besides the handlers. */
export interface DispatchParts {
  dedup: WebhookDedupStore;
  dedupTtlMs: number;
  dedupTimeoutMs: number;
  context: (event: WebhookEvent) => WebhookContext;
}

/** A plugged-in store must answer in time and with a boolean; otherwise the delivery fails and is retried. */
async function bounded<T>(value: T | Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TribeTimeoutError(`tribe-sdk: the webhook dedup store did not answer within ${timeoutMs} ms`, { timeoutMs })),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([Promise.resolve(value), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function asAnswer(answer: unknown): WebhookAnswer | undefined {
  if (answer === undefined) return undefined;
  const status = (answer as { status?: unknown } | null)?.status;
  if (status === 'SUCCEEDED' || status === 'FAILED') return answer as WebhookAnswer;
  throw new TribeConfigError(
    'tribe-sdk: a webhook handler returned something other than an answer (use succeeded(), failed(), interactionAnswer() or toStore())',
  );
}

/** What each request type answers when no handler does: `data` as the platform expects it for that type. */
function emptyAnswer(type: WebhookType): WebhookAnswer {
  const empty = REQUEST_TYPES[type].empty;
  return empty === 'interactions' ? interactionAnswer() : empty === 'array' ? succeeded([]) : succeeded();
}

async function runSubscription(event: SubscriptionEvent, options: WebhookHandlerOptions, parts: DispatchParts): Promise<WebhookAnswer> {
  const key = `${event.networkId}:${event.data.id}`;
  const fresh = await bounded(parts.dedup.claim(key, parts.dedupTtlMs), parts.dedupTimeoutMs);
  if (fresh === 'in-progress') {
    throw new TribeWebhookError('tribe-sdk: another worker is processing this event; the platform is asked to deliver it again later', {
      reason: 'in-progress',
    });
  }
  if (typeof fresh !== 'boolean') {
    throw new TribeConfigError("tribe-sdk: the webhook dedup store answered claim() with something other than a boolean or 'in-progress'");
  }
  // A redelivery of what was processed gets the same success, so the platform stops sending it.
  if (!fresh) return succeeded();
  try {
    const context = parts.context(event);
    // Own properties only: a name like `constructor` must not reach Object.prototype.
    const named = options.on && Object.hasOwn(options.on, event.data.name) ? options.on[event.data.name] : undefined;
    await named?.(event, context);
    await options.onAny?.(event, context);
  } catch (error) {
    // Freed so the platform's retry of this delivery is processed, not taken for a duplicate.
    await bounded(parts.dedup.release(key), parts.dedupTimeoutMs).catch(() => undefined);
    throw error;
  }
  // A store that cannot mark it now lets the claim run out; the delivery was processed all the same.
  if (parts.dedup.complete) await bounded(parts.dedup.complete(key, parts.dedupTtlMs), parts.dedupTimeoutMs).catch(() => undefined);
  return succeeded();
}

/** The app's routes answer first; a request none of them takes goes to the type's handler option from the table. */
async function runRequest(event: Exclude<WebhookEvent, SubscriptionEvent>, options: WebhookHandlerOptions, parts: DispatchParts): Promise<WebhookAnswer> {
  const routes = options as Routes;
  if (event.type === 'INTERACTION') {
    const routed = await routeInteraction(event, routes, parts.context(event));
    if (routed !== undefined && 'unrouted' in routed) {
      if (options.onInteraction === undefined) {
        await reportError(options.onError, routed.error, event);
        return routed.answer;
      }
    } else if (routed !== undefined) return routed;
  }
  if (event.type === 'SHORTCUTS_STATES' && options.shortcuts && !options.onShortcutsStates) {
    const { answer, errors } = await routeShortcutStates(event, routes.shortcuts!, parts.context(event));
    for (const error of errors) await reportError(options.onError, error, event);
    return answer;
  }
  if (event.type === 'FEDERATED_SEARCH' && options.search) return routeSearch(event, options.search, parts.context(event));
  const name = REQUEST_TYPES[event.type].handler;
  // The table pairs each type with its option, and RequestHandlers types each option by that pairing.
  const handler = name === null ? undefined : (options[name] as RequestHandler<typeof event> | undefined);
  return asAnswer(await handler?.(event, parts.context(event))) ?? emptyAnswer(event.type);
}

/** Runs the app's handler for a verified event and returns the checked answer to send (without its `type`). */
export async function dispatch(event: WebhookEvent, options: WebhookHandlerOptions, parts: DispatchParts): Promise<WebhookAnswer> {
  if (event.type === 'TEST') return succeeded({ challenge: event.data.challenge });
  if (event.type === 'SUBSCRIPTION') return runSubscription(event, options, parts);
  return checkAnswer(event.type, await runRequest(event, options, parts));
}
