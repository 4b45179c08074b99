import { callable, duration, integer, invalid, object } from '../options/rules.js';

/** Options of `verifyWebhook`, and the verification part of the handler's options. */
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

/** Every default of the webhook options, defined once. */
export const WEBHOOK_DEFAULTS = {
  /** How far a timestamp may be from now, either way: the platform docs say 15 minutes. */
  toleranceMs: 15 * 60_000,
  /** The largest body accepted: 1 MiB. */
  maxBodyBytes: 1024 * 1024,
  /** How long a plugged-in dedup store may take per call. */
  dedupTimeoutMs: 5_000,
  /** How long a request's whole body may take to arrive. */
  bodyTimeoutMs: 10_000,
} as const;

/** Verification options after validation, with every default applied. */
export interface ResolvedVerifyOptions {
  secrets: string[];
  toleranceMs: number;
  maxBodyBytes: number;
  now: () => number;
}

/** The signing secrets as a checked list; a message never quotes one. */
function secretsOf(signingSecret: unknown): string[] {
  const secrets: unknown[] = typeof signingSecret === 'string' ? [signingSecret] : Array.isArray(signingSecret) ? [...(signingSecret as unknown[])] : [];
  if (secrets.length === 0 || secrets.some((secret) => typeof secret !== 'string' || secret === '')) {
    invalid('signingSecret', 'a non-empty string or a non-empty list of them');
  }
  return secrets as string[];
}

/** Validates verification options before any delivery; every problem is a `TribeConfigError`. */
export function resolveVerifyOptions(options: VerifyWebhookOptions): ResolvedVerifyOptions {
  const given = object(options, 'options');
  return {
    secrets: secretsOf(given.signingSecret),
    toleranceMs: duration(given.toleranceMs, 'toleranceMs', 1) ?? WEBHOOK_DEFAULTS.toleranceMs,
    maxBodyBytes: integer(given.maxBodyBytes, 'maxBodyBytes', 1) ?? WEBHOOK_DEFAULTS.maxBodyBytes,
    now: callable<() => number>(given.now, 'now') ?? Date.now,
  };
}
