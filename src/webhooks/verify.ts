import { TribeConfigError } from '../errors.js';
import type { WebhookEvent } from './envelope.js';
import { readFirstHeader, SIGNATURE_HEADERS, TIMESTAMP_HEADERS, type WebhookHeaders } from './headers.js';
import { parseEnvelope } from './parse-envelope.js';
import { fromHex, hmac, importSigningKey, signedPayload, timingSafeEqual } from './signature.js';
import { TribeWebhookError } from './webhook-error.js';

/** How far a delivery's timestamp may be from now, either way, by default: the platform docs say 15 minutes. */
export const DEFAULT_TOLERANCE_MS = 15 * 60_000;

/** The largest body accepted by default: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A delivery as received: the body bytes exactly as they came, and the request headers. */
export interface WebhookDelivery {
  /** The raw body; a string only if it is exactly the text that was sent (never re-serialised JSON). */
  rawBody: Uint8Array | ArrayBuffer | string;
  headers: WebhookHeaders;
}

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The app's signing secret; several during a rotation, any of which may have signed. */
  signingSecret: string | readonly string[];
  /** How old (or how far ahead) a timestamp may be, in ms (default 15 minutes). */
  toleranceMs?: number;
  /** Bodies longer than this are refused before hashing (default 1 MiB). */
  maxBodyBytes?: number;
  /** The clock, in epoch ms; for tests (default `Date.now`). */
  now?: () => number;
}

/** Verifies deliveries against fixed options, importing each secret's key once. */
export type WebhookVerifier = (delivery: WebhookDelivery) => Promise<WebhookEvent>;

const encoder = new TextEncoder();

/** A positive number option, or its default; anything else is a {@link TribeConfigError}. */
export function checkNumber(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new TribeConfigError(`tribe-sdk: ${name} must be a number > 0`);
  return value;
}

/** The secrets as a checked list; a message never quotes one. */
export function signingSecretsOf(signingSecret: string | readonly string[]): string[] {
  const secrets = typeof signingSecret === 'string' ? [signingSecret] : Array.isArray(signingSecret) ? [...signingSecret] : [];
  if (secrets.length === 0 || secrets.some((secret) => typeof secret !== 'string' || secret === '')) {
    throw new TribeConfigError('tribe-sdk: signingSecret must be a non-empty string or a non-empty list of them');
  }
  return secrets;
}

function bytesOf(rawBody: WebhookDelivery['rawBody']): Uint8Array {
  if (typeof rawBody === 'string') return encoder.encode(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody;
  if (rawBody instanceof ArrayBuffer) return new Uint8Array(rawBody);
  throw new TribeWebhookError('tribe-sdk: rawBody must be the body as bytes (Uint8Array, ArrayBuffer) or as the exact text received', 'malformed');
}

/** Builds a verifier; the options are checked here, before any delivery. */
export function createWebhookVerifier(options: VerifyWebhookOptions): WebhookVerifier {
  const keys = Promise.all(signingSecretsOf(options.signingSecret).map(importSigningKey));
  const toleranceMs = checkNumber(options.toleranceMs, 'toleranceMs', DEFAULT_TOLERANCE_MS);
  const maxBodyBytes = checkNumber(options.maxBodyBytes, 'maxBodyBytes', DEFAULT_MAX_BODY_BYTES);
  const now = options.now ?? Date.now;
  return async ({ rawBody, headers }) => {
    const signature = readFirstHeader(headers, SIGNATURE_HEADERS);
    const timestamp = readFirstHeader(headers, TIMESTAMP_HEADERS);
    if (signature === undefined || timestamp === undefined) {
      throw new TribeWebhookError('tribe-sdk: the delivery has no X-Bettermode-Signature and X-Bettermode-Request-Timestamp (or X-Tribe-*) headers', 'missing-signature');
    }
    const body = bytesOf(rawBody);
    if (body.length > maxBodyBytes) throw new TribeWebhookError(`tribe-sdk: the webhook body is larger than ${maxBodyBytes} bytes`, 'too-large');
    if (!/^\d{1,16}$/.test(timestamp)) throw new TribeWebhookError('tribe-sdk: the webhook timestamp is not epoch milliseconds', 'malformed');
    const expected = fromHex(signature.trim());
    const payload = signedPayload(timestamp, body);
    let matched = false;
    // Every key is tried, so the time taken does not tell which secret (if any) matched.
    for (const key of await keys) matched = timingSafeEqual(await hmac(key, payload), expected ?? new Uint8Array(0)) || matched;
    if (!matched) throw new TribeWebhookError('tribe-sdk: the webhook signature does not match the body and timestamp for any signing secret', 'bad-signature');
    // Checked after the signature, so that `stale` and `future` speak of genuine but mistimed deliveries.
    const age = now() - Number(timestamp);
    if (age > toleranceMs) {
      // Epoch seconds are about 1.7e9, milliseconds 1.7e12: a sender using seconds would be refused on every delivery.
      const hint = Number(timestamp) < 1e11 ? ' (the timestamp looks like seconds; it must be epoch milliseconds)' : '';
      throw new TribeWebhookError(`tribe-sdk: the webhook was signed ${age} ms ago, more than the tolerance of ${toleranceMs} ms${hint}`, 'stale');
    }
    if (-age > toleranceMs) throw new TribeWebhookError(`tribe-sdk: the webhook is signed ${-age} ms in the future, more than the tolerance of ${toleranceMs} ms`, 'future');
    return parseEnvelope(new TextDecoder('utf-8', { fatal: false }).decode(body));
  };
}

/** Verifies one delivery: resolves to the typed event, or rejects with a {@link TribeWebhookError} saying why. */
export async function verifyWebhook(delivery: WebhookDelivery, options: VerifyWebhookOptions): Promise<WebhookEvent> {
  return createWebhookVerifier(options)(delivery);
}
