import { TribeConfigError } from '../errors.js';
import { deliveryRefusal, type WebhookAnswer } from './answers.js';
import { MemoryDedupStore } from './dedup-store.js';
import { dispatch } from './dispatch.js';
import type { WebhookEvent } from './envelope.js';
import { resolveHandlerOptions, type WebhookContext, type WebhookHandlerOptions } from './handler-options.js';
import { NetworkClients } from './network-clients.js';
import { readBoundedBody } from './read-body.js';
import { holdsSecret } from './secret-guard.js';
import { createWebhookVerifier } from './verify.js';
import { TribeWebhookError, type TribeWebhookReason } from './webhook-error.js';

/** A web-standard request handler for an app's webhook URL; `close()` lets go of the per-network clients. */
export type WebhookHandler = ((request: Request) => Promise<Response>) & {
  /** The largest body it accepts, in bytes; adapters read no more than this. */
  readonly maxBodyBytes: number;
  /** Drops the per-network clients and their cached tokens. */
  close(): void;
};

/** Refused deliveries get a 4xx, which the platform does not retry: sending the same bytes again cannot help. */
const REFUSAL_STATUS: Record<TribeWebhookReason, number> = {
  'missing-signature': 401,
  'bad-signature': 401,
  stale: 401,
  future: 401,
  'too-large': 413,
  malformed: 400,
  'in-progress': 503,
  timeout: 408,
};

// The same for every failure, so that nothing of the error (which may hold data or secrets) leaves the app.
const APP_FAILURE = deliveryRefusal('APP_ERROR', 'tribe-sdk: the app could not handle this request; retry it');

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function noClient(): never {
  throw new TribeConfigError('tribe-sdk: context.client needs the client option of createWebhookHandler: { clientId, clientSecret }');
}

/**
 * Creates the handler: it verifies each delivery, answers the URL check itself, deduplicates redeliveries,
 * runs the matching handler and answers in the platform's shapes. Options are checked here.
 */
export function createWebhookHandler<TBlockKey extends string = string, TShortcutKey extends string = string, TSettings = Record<string, unknown>>(
  typed: WebhookHandlerOptions<TBlockKey, TShortcutKey, TSettings>,
): WebhookHandler {
  // The type parameters only check the app's keys; at run time every key is a string.
  const options = typed as unknown as WebhookHandlerOptions;
  const resolved = resolveHandlerOptions(options);
  const verify = createWebhookVerifier(options);
  const secrets = [...resolved.secrets, ...(options.client?.clientSecret ? [options.client.clientSecret] : [])];
  const { maxBodyBytes, bodyTimeoutMs } = resolved;
  const clients = options.client ? new NetworkClients(options.client) : undefined;
  const parts = {
    dedup: options.dedupStore ?? new MemoryDedupStore(),
    // A replay of one signed delivery is accepted up to a tolerance before or after its timestamp: twice that covers it.
    dedupTtlMs: 2 * resolved.toleranceMs,
    dedupTimeoutMs: resolved.dedupTimeoutMs,
    context: (event: WebhookEvent): WebhookContext => ({
      get client() {
        return clients?.for(event.networkId) ?? noClient();
      },
    }),
  };

  const report = async (error: unknown, event: WebhookEvent | undefined): Promise<void> => {
    try {
      await options.onError?.(error, event);
    } catch {
      // A failing error listener must not change the answer.
    }
  };

  const answer = async (event: WebhookEvent, result: WebhookAnswer): Promise<Response> => {
    // Object.assign keeps `type` the first key, as the platform writes it, whatever the answer said.
    const text = JSON.stringify(Object.assign({ type: event.type }, result, { type: event.type }));
    if (holdsSecret(text, secrets)) {
      await report(new TribeConfigError('tribe-sdk: a webhook answer contained a secret of the app; it was not sent'), event);
      return json(500, { ...APP_FAILURE, type: event.type });
    }
    return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  };

  const handle = async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') return json(405, deliveryRefusal('METHOD_NOT_ALLOWED', 'tribe-sdk: webhooks are delivered with POST'), { allow: 'POST' });
    let event: WebhookEvent;
    try {
      event = await verify({ rawBody: await readBoundedBody(request, { maxBytes: maxBodyBytes, timeoutMs: bodyTimeoutMs }), headers: request.headers });
    } catch (error) {
      const refusal =
        error instanceof TribeWebhookError ? error : new TribeWebhookError('tribe-sdk: the webhook body could not be read', { reason: 'malformed' });
      await report(refusal, undefined);
      return json(REFUSAL_STATUS[refusal.reason], deliveryRefusal(`WEBHOOK_${refusal.reason.toUpperCase().replace('-', '_')}`, refusal.message));
    }
    try {
      return await answer(event, await dispatch(event, options, parts));
    } catch (error) {
      await report(error, event);
      // A 5xx makes the platform deliver again later.
      return json(500, { ...APP_FAILURE, type: event.type });
    }
  };
  return Object.assign(handle, { maxBodyBytes, close: () => clients?.close() });
}
