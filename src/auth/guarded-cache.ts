import { abortError } from '../abort.js';
import type { TribeTokenCacheEvent } from '../events.js';
import type { CachedToken, TokenCache } from './token-cache.js';

/** What a token may hold: printable ASCII without spaces (a JWT is base64url and dots), so it can go in a header. */
export const USABLE_TOKEN = /^[\x21-\x7e]+$/;

/** How long a cache lookup may take and what may cut it short. */
export interface LookupBound {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

type Problem = Omit<TribeTokenCacheEvent, 'type'>;

/** Whether `entry` is a token the SDK can send: a usable string, finite times, a string gateway. */
function isUsable(entry: unknown): entry is CachedToken {
  if (typeof entry !== 'object' || entry === null) return false;
  const { accessToken, expiresAt, mintedAt, gatewayUrl } = entry as Record<string, unknown>;
  return (
    typeof accessToken === 'string' &&
    accessToken.length <= 16_384 &&
    USABLE_TOKEN.test(accessToken) &&
    (expiresAt === undefined || (typeof expiresAt === 'number' && Number.isFinite(expiresAt))) &&
    typeof mintedAt === 'number' &&
    Number.isFinite(mintedAt) &&
    (gatewayUrl === undefined || gatewayUrl === null || typeof gatewayUrl === 'string')
  );
}

const TIMED_OUT = Symbol('timed out');

/** Settles with `promise`, or with {@link TIMED_OUT} after `timeoutMs`, or rejects when `signal` fires first. */
function bounded<T>(promise: Promise<T>, { timeoutMs, signal }: LookupBound): Promise<T | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => settle(() => resolve(TIMED_OUT)), timeoutMs);
    const onAbort = (): void => settle(() => reject(abortError(signal)));
    const settle = (finish: () => void): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      finish();
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}

/**
 * A plugged-in {@link TokenCache} treated as untrusted: a `get` that throws, rejects or outlasts the
 * call's timeout is a miss, and so is an entry the SDK could not send; `set` and `delete` run in the
 * background, so a failing or hanging one neither fails nor blocks a call. Each problem is reported.
 */
export class GuardedCache {
  readonly #cache: TokenCache;
  readonly #report: (problem: Problem) => void;

  constructor(cache: TokenCache, report: (problem: Problem) => void) {
    this.#cache = cache;
    this.#report = report;
  }

  /** The usable entry under `key`, or undefined; synchronous when the cache answers synchronously. */
  get(key: string, memberId: string | undefined, bound: LookupBound): CachedToken | undefined | Promise<CachedToken | undefined> {
    let answer: ReturnType<TokenCache['get']>;
    try {
      answer = this.#cache.get(key);
    } catch {
      this.#report({ operation: 'get', problem: 'failed', memberId });
      return undefined;
    }
    if (!(answer instanceof Promise)) return this.#checked(answer, memberId);
    return bounded(answer, bound).then(
      (entry) => {
        if (entry !== TIMED_OUT) return this.#checked(entry, memberId);
        this.#report({ operation: 'get', problem: 'timed-out', memberId });
        return undefined;
      },
      (error: unknown) => {
        if (bound.signal?.aborted) throw error;
        this.#report({ operation: 'get', problem: 'failed', memberId });
        return undefined;
      },
    );
  }

  /** Stores in the background; resolves (never rejects) once the cache answered. */
  set(key: string, token: CachedToken, ttlMs: number | undefined, memberId: string | undefined): Promise<void> {
    return this.#background('set', memberId, () => this.#cache.set(key, token, ttlMs));
  }

  /** Deletes in the background; resolves (never rejects) once the cache answered. */
  delete(key: string, memberId: string | undefined): Promise<void> {
    return this.#background('delete', memberId, () => this.#cache.delete(key));
  }

  #checked(entry: unknown, memberId: string | undefined): CachedToken | undefined {
    if (entry === undefined || entry === null) return undefined;
    if (isUsable(entry)) return entry;
    this.#report({ operation: 'get', problem: 'invalid-entry', memberId });
    return undefined;
  }

  async #background(operation: 'set' | 'delete', memberId: string | undefined, run: () => void | Promise<void>): Promise<void> {
    try {
      await run();
    } catch {
      this.#report({ operation, problem: 'failed', memberId });
    }
  }
}
