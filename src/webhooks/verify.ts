import type { WebhookEvent } from './envelope.js';
import { readFirstHeader, SIGNATURE_HEADERS, TIMESTAMP_HEADERS, type WebhookHeaders } from './headers.js';
import { parseEnvelope } from './parse-envelope.js';
import { fromHex, hmac, importSigningKey, signedPayload, timingSafeEqual } from './signature.js';
import { resolveVerifyOptions, WEBHOOK_DEFAULTS, type VerifyWebhookOptions } from './verify-options.js';
import { TribeWebhookError } from './webhook-error.js';

/** How far a delivery's timestamp may be from now, either way, by default: the platform docs say 15 minutes. */
export const DEFAULT_TOLERANCE_MS = WEBHOOK_DEFAULTS.toleranceMs;

/** The largest body accepted by default: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = WEBHOOK_DEFAULTS.maxBodyBytes;

/** A delivery as received: the body bytes exactly as they came, and the request headers. */
export interface WebhookDelivery {
  /** The raw body; a string only if it is exactly the text that was sent (never re-serialised JSON). */
  rawBody: Uint8Array | ArrayBuffer | string;
  headers: WebhookHeaders;
}

/** Verifies deliveries against fixed options, importing each secret's key once. */
export type WebhookVerifier = (delivery: WebhookDelivery) => Promise<WebhookEvent>;

const encoder = new TextEncoder();

function bytesOf(rawBody: WebhookDelivery['rawBody']): Uint8Array {
  if (typeof rawBody === 'string') return encoder.encode(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody;
  if (rawBody instanceof ArrayBuffer) return new Uint8Array(rawBody);
  throw new TribeWebhookError('tribe-sdk: rawBody must be the body as bytes (Uint8Array, ArrayBuffer) or as the exact text received', { reason: 'malformed' });
}

// Fatal: a body with bytes that are not UTF-8 is refused rather than read with U+FFFD in place of them.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(body: Uint8Array): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new TribeWebhookError('tribe-sdk: the webhook body is not valid UTF-8', { reason: 'malformed' });
  }
}

/** Builds a verifier; the options are checked here, before any delivery. */
export function createWebhookVerifier(options: VerifyWebhookOptions): WebhookVerifier {
  const { secrets, toleranceMs, maxBodyBytes, now } = resolveVerifyOptions(options);
  const keys = Promise.all(secrets.map(importSigningKey));
  return async ({ rawBody, headers }) => {
    const signature = readFirstHeader(headers, SIGNATURE_HEADERS);
    const timestamp = readFirstHeader(headers, TIMESTAMP_HEADERS);
    if (signature === undefined || timestamp === undefined) {
      throw new TribeWebhookError('tribe-sdk: the delivery has no X-Bettermode-Signature and X-Bettermode-Request-Timestamp (or X-Tribe-*) headers', {
        reason: 'missing-signature',
      });
    }
    const body = bytesOf(rawBody);
    if (body.length > maxBodyBytes) throw new TribeWebhookError(`tribe-sdk: the webhook body is larger than ${maxBodyBytes} bytes`, { reason: 'too-large' });
    if (!/^\d{1,16}$/.test(timestamp)) throw new TribeWebhookError('tribe-sdk: the webhook timestamp is not epoch milliseconds', { reason: 'malformed' });
    const expected = fromHex(signature.trim());
    const payload = signedPayload(timestamp, body);
    let matched = false;
    // Every key is tried, so the time taken does not tell which secret (if any) matched.
    for (const key of await keys) matched = timingSafeEqual(await hmac(key, payload), expected ?? new Uint8Array(0)) || matched;
    if (!matched)
      throw new TribeWebhookError('tribe-sdk: the webhook signature does not match the body and timestamp for any signing secret', { reason: 'bad-signature' });
    // Checked after the signature, so that `stale` and `future` speak of genuine but mistimed deliveries.
    const age = now() - Number(timestamp);
    if (age > toleranceMs) {
      // Epoch seconds are about 1.7e9, milliseconds 1.7e12: a sender using seconds would be refused on every delivery.
      const hint = Number(timestamp) < 1e11 ? ' (the timestamp looks like seconds; it must be epoch milliseconds)' : '';
      throw new TribeWebhookError(`tribe-sdk: the webhook was signed ${age} ms ago, more than the tolerance of ${toleranceMs} ms${hint}`, { reason: 'stale' });
    }
    if (-age > toleranceMs)
      throw new TribeWebhookError(`tribe-sdk: the webhook is signed ${-age} ms in the future, more than the tolerance of ${toleranceMs} ms`, {
        reason: 'future',
      });
    return parseEnvelope(decodeUtf8(body));
  };
}

/** Verifies one delivery: resolves to the typed event, or rejects with a {@link TribeWebhookError} saying why. */
export async function verifyWebhook(delivery: WebhookDelivery, options: VerifyWebhookOptions): Promise<WebhookEvent> {
  return createWebhookVerifier(options)(delivery);
}
