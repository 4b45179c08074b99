import { object, text } from '../options/rules.js';
import { hmac, importSigningKey, signedPayload, toHex } from './signature.js';

/** Options of {@link signWebhook}. */
export interface SignWebhookOptions {
  /** The secret to sign with. */
  signingSecret: string;
  /** The signing time in epoch ms (default now); set it to test stale or future deliveries. */
  timestamp?: number;
  /** Send the Tribe-era `X-Tribe-*` header names instead of `X-Bettermode-*`. */
  legacyHeaders?: boolean;
}

/** A body signed the way the platform signs it, ready to send. */
export interface SignedWebhook {
  /** The exact text that was signed; send it unchanged. */
  body: string;
  /** The signature and timestamp headers, plus `content-type`. */
  headers: Record<string, string>;
}

/** Signs a body (or an object, serialised once) like the platform does, for an app's own tests. */
export async function signWebhook(payload: string | object, options: SignWebhookOptions): Promise<SignedWebhook> {
  const signingSecret = text(object(options, 'options').signingSecret, 'signingSecret');
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const timestamp = String(Math.trunc(options.timestamp ?? Date.now()));
  const digest = await hmac(await importSigningKey(signingSecret), signedPayload(timestamp, new TextEncoder().encode(body)));
  const prefix = options.legacyHeaders ? 'x-tribe' : 'x-bettermode';
  return {
    body,
    headers: { 'content-type': 'application/json', [`${prefix}-signature`]: toHex(digest), [`${prefix}-request-timestamp`]: timestamp },
  };
}
