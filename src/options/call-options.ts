import { DEFAULTS } from './defaults.js';
import { duration, flag, headers, integer, object, signal } from './rules.js';
import { combineSignals } from '../combine-signals.js';

/** Options that can be set per client and overridden per call through `withOptions`. */
export interface TribeCallOptions {
  /** How long one attempt may take, in ms (default 30 000). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 502-504 and network errors (default 2). */
  maxRetries?: number;
  /** The longest single wait between attempts, in ms (default 30 000). */
  maxDelayMs?: number;
  /** The first backoff step, in ms, doubled per retry with jitter (default 200). */
  baseDelayMs?: number;
  /** Retry mutations too (default false: a retried `createPost` could post twice). */
  retryMutations?: boolean;
  /** Headers sent with every request; plain objects only. */
  headers?: Record<string, string>;
  /** Ask the gateway to bypass its cache (`X-Bettermode-Cache-Control: no-cache`); false turns a client's setting off. */
  bypassGatewayCache?: boolean;
  /** The largest answer read, in bytes, before and after decompression (default 16 MiB); a larger one fails at once. */
  maxResponseBytes?: number;
  /** Cancels the calls made through this SDK, including token mints they wait for. */
  signal?: AbortSignal;
}

/** How a request is retried. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The longest single wait; a longer `Retry-After` ends the retries instead. */
  maxDelayMs: number;
  /** The first backoff step for 502, 503, 504 and network errors. */
  baseDelayMs: number;
  /** Whether mutations are retried too. */
  retryMutations: boolean;
}

/** Call options after validation, with every default applied. */
export interface ResolvedCall {
  timeoutMs: number;
  maxResponseBytes: number;
  policy: RetryPolicy;
  headers: Readonly<Record<string, string>>;
  signal: AbortSignal | undefined;
}

/** The call options used when none are given. */
export const DEFAULT_CALL: ResolvedCall = {
  timeoutMs: DEFAULTS.timeoutMs,
  maxResponseBytes: DEFAULTS.maxResponseBytes,
  policy: { maxRetries: DEFAULTS.maxRetries, maxDelayMs: DEFAULTS.maxDelayMs, baseDelayMs: DEFAULTS.baseDelayMs, retryMutations: DEFAULTS.retryMutations },
  headers: {},
  signal: undefined,
};

/** Combines two optional signals into one that aborts when either does. */
export function eitherSignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? combineSignals([a, b]).signal : (a ?? b);
}

/** The header that asks the platform's gateway to bypass its cache. */
const GATEWAY_CACHE_HEADER = 'x-bettermode-cache-control';

/** Adds (true) or clears (false) the gateway cache header; an empty value is dropped when merged. */
function withGatewayCache(extra: Record<string, string> | undefined, bypass: boolean | undefined): Record<string, string> | undefined {
  if (bypass === undefined) return extra;
  return { ...extra, [GATEWAY_CACHE_HEADER]: bypass ? 'no-cache' : '' };
}

function withoutEmpty(merged: Record<string, string>): Record<string, string> {
  if (merged[GATEWAY_CACHE_HEADER] === '') delete merged[GATEWAY_CACHE_HEADER];
  return merged;
}

/** Validates call options and lays them over `base`: numbers replace, headers merge, signals combine. */
export function resolveCall(options: TribeCallOptions | undefined, base: ResolvedCall = DEFAULT_CALL): ResolvedCall {
  const given = object(options, 'options');
  const timeoutMs = duration(given.timeoutMs, 'timeoutMs', 1);
  const maxRetries = integer(given.maxRetries, 'maxRetries', 0, 100);
  const maxDelayMs = duration(given.maxDelayMs, 'maxDelayMs', 0);
  const baseDelayMs = duration(given.baseDelayMs, 'baseDelayMs', 0);
  const retryMutations = flag(given.retryMutations, 'retryMutations');
  const extraHeaders = withGatewayCache(headers(given.headers, 'header'), flag(given.bypassGatewayCache, 'bypassGatewayCache'));
  const maxResponseBytes = integer(given.maxResponseBytes, 'maxResponseBytes', 1024, 2 ** 31);
  return {
    timeoutMs: timeoutMs ?? base.timeoutMs,
    maxResponseBytes: maxResponseBytes ?? base.maxResponseBytes,
    policy: {
      maxRetries: maxRetries ?? base.policy.maxRetries,
      maxDelayMs: maxDelayMs ?? base.policy.maxDelayMs,
      baseDelayMs: baseDelayMs ?? base.policy.baseDelayMs,
      retryMutations: retryMutations ?? base.policy.retryMutations,
    },
    headers: extraHeaders ? withoutEmpty({ ...base.headers, ...extraHeaders }) : base.headers,
    signal: eitherSignal(base.signal, signal(given.signal, 'signal')),
  };
}
