import type { TribeCallOptions, TribeClientOptions } from './client.js';
import { TribeConfigError } from './errors.js';
import type { RetryPolicy } from './transport/retry-policy.js';

/** The longest delay timers can wait: a larger one fires at once (Node clamps it to 1 ms). */
const MAX_TIMER_MS = 2_147_483_647;

function fail(problem: string): never {
  throw new TribeConfigError(`tribe-sdk: ${problem}`);
}

function checkNumber(name: string, value: number | undefined, { min, integer = false }: { min: number; integer?: boolean }): void {
  if (value === undefined) return;
  const valid = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= MAX_TIMER_MS && (!integer || Number.isInteger(value));
  if (!valid) fail(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${MAX_TIMER_MS}`);
}

function checkHeaders(headers: unknown): void {
  if (headers === undefined) return;
  const plain = typeof headers === 'object' && headers !== null && Object.getPrototypeOf(headers) === Object.prototype;
  if (!plain) fail('headers must be a plain object of strings (Headers instances and arrays are not sent)');
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) fail(`header "${name}" must be a string without line breaks`);
  }
}

/** Checks the options that can be given per client and per call; throws {@link TribeConfigError} before anything is sent. */
export function checkCallOptions(options: TribeCallOptions): void {
  checkNumber('timeoutMs', options.timeoutMs, { min: 1 });
  checkNumber('maxRetries', options.maxRetries, { min: 0, integer: true });
  checkNumber('maxDelayMs', options.maxDelayMs, { min: 0 });
  checkNumber('baseDelayMs', options.baseDelayMs, { min: 0 });
  checkHeaders(options.headers);
  if (options.signal !== undefined && typeof options.signal?.aborted !== 'boolean') fail('signal must be an AbortSignal');
}

/** Checks the client-wide options beyond the call options. */
export function checkClientOptions<TSdk>(options: TribeClientOptions<TSdk>): void {
  checkCallOptions(options);
  checkNumber('refreshMarginMs', options.refreshMarginMs, { min: 0 });
  for (const name of ['fetch', 'onEvent', 'now', 'getSdk'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') fail(`${name} must be a function`);
  }
  const cache = options.tokenCache;
  if (cache !== undefined && !(['get', 'set', 'delete'] as const).every((method) => typeof cache?.[method] === 'function')) {
    fail('tokenCache must have get, set and delete methods');
  }
}

/** The retry policy of a call: its own options over the client's. */
export function policyOf(options: TribeCallOptions, base: RetryPolicy): RetryPolicy {
  return {
    maxRetries: options.maxRetries ?? base.maxRetries,
    maxDelayMs: options.maxDelayMs ?? base.maxDelayMs,
    baseDelayMs: options.baseDelayMs ?? base.baseDelayMs,
    retryMutations: options.retryMutations ?? base.retryMutations,
  };
}

/** Combines two optional signals into one that aborts when either does. */
export function combineSignals(a: AbortSignal | null | undefined, b: AbortSignal | null | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b ?? undefined);
}
