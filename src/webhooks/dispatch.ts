import { TribeConfigError, TribeTimeoutError } from '../errors.js';
import { interactionAnswer, succeeded, type WebhookAnswer } from './answers.js';
import type { WebhookDedupStore } from './dedup-store.js';
import { TribeWebhookError } from './webhook-error.js';
import type { SubscriptionEvent, WebhookEvent } from './envelope.js';
import type { RequestHandler, WebhookContext, WebhookHandlerOptions } from './handler-options.js';

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

function checkAnswer(answer: unknown): WebhookAnswer | undefined {
  if (answer === undefined) return undefined;
  const status = (answer as { status?: unknown } | null)?.status;
  if (status === 'SUCCEEDED' || status === 'FAILED') return answer as WebhookAnswer;
  throw new TribeConfigError(
    'tribe-sdk: a webhook handler returned something other than an answer (use succeeded(), failed(), interactionAnswer() or toStore())',
  );
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

async function runRequest<TEvent extends WebhookEvent>(
  handler: RequestHandler<TEvent> | undefined,
  event: TEvent,
  parts: DispatchParts,
): Promise<WebhookAnswer | undefined> {
  return handler === undefined ? undefined : checkAnswer(await handler(event, parts.context(event)));
}

/** Runs the app's handler for a verified event and returns the answer to send (without its `type`). */
export async function dispatch(event: WebhookEvent, options: WebhookHandlerOptions, parts: DispatchParts): Promise<WebhookAnswer> {
  switch (event.type) {
    case 'TEST':
      return succeeded({ challenge: event.data.challenge });
    case 'SUBSCRIPTION':
      return runSubscription(event, options, parts);
    case 'INTERACTION':
      return (await runRequest(options.onInteraction, event, parts)) ?? interactionAnswer();
    case 'GET_SETTINGS':
    case 'UPDATE_SETTINGS':
      return (await runRequest(options.onSettings, event, parts)) ?? succeeded();
    case 'APP_INSTALLED':
      return (await runRequest(options.onInstalled, event, parts)) ?? succeeded();
    case 'APP_UNINSTALLED':
      return (await runRequest(options.onUninstalled, event, parts)) ?? succeeded();
    case 'SHORTCUTS_STATES':
      return (await runRequest(options.onShortcutsStates, event, parts)) ?? succeeded();
    case 'FEDERATED_SEARCH':
      return (await runRequest(options.onFederatedSearch, event, parts)) ?? succeeded();
  }
}
