import { abortError } from '../abort.js';
import type { RateLimitCost, RateLimitGrant, RateLimitStore } from './rate-limit-store.js';

/** The longest single wait the queue accepts from a store: a larger answer is not trusted. */
const MAX_WAIT_MS = 60_000;
/** How long a store may take to answer before the call goes ahead without it. */
const STORE_TIMEOUT_MS = 5_000;

/** What the queue reports: a call it holds back, and a shared store that fell back to a local one. */
export interface RateLimitQueueEvents {
  /** A call must wait for the window; reported once per call, with the wait known then. */
  onWait(key: string, operationName: string, waitMs: number): void;
  /** The store went from shared to its local stand-in (`true`), or back (`false`). */
  onFallbackChange(key: string, fallback: boolean): void;
}

/** What an admitted call learns of its window. */
export interface AdmittedGrant {
  windowEndsAt: number | undefined;
  firstInWindow: boolean;
  /** The store's name for the window, if it gave one. */
  window: string | undefined;
}

interface Waiter {
  cost: RateLimitCost;
  operationName: string;
  waited: boolean;
  resolve: (grant: AdmittedGrant) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** The longest window name the queue accepts from a store. */
const MAX_WINDOW_NAME = 100;

/** The store's answer, bounded in time and checked; a store that fails or stalls lets the call go (the API's 429 remains). */
async function takeFrom(store: RateLimitStore, key: string, cost: RateLimitCost): Promise<RateLimitGrant> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<RateLimitGrant>((resolve) => (timer = setTimeout(() => resolve({ granted: true }), STORE_TIMEOUT_MS)));
  try {
    const grant: unknown = await Promise.race([store.take(key, cost), stalled]);
    if (typeof grant !== 'object' || grant === null || typeof (grant as RateLimitGrant).granted !== 'boolean') return { granted: true };
    const { granted, fallback } = grant as RateLimitGrant;
    if (granted) {
      const { windowEndsAt } = grant as { windowEndsAt?: unknown };
      const firstInWindow = (grant as { firstInWindow?: unknown }).firstInWindow === true;
      const { window } = grant as { window?: unknown };
      return {
        granted,
        fallback: fallback === true,
        firstInWindow,
        window: typeof window === 'string' && window.length <= MAX_WINDOW_NAME ? window : undefined,
        windowEndsAt: typeof windowEndsAt === 'number' && Number.isFinite(windowEndsAt) ? windowEndsAt : undefined,
      };
    }
    const retryInMs = (grant as { retryInMs?: unknown }).retryInMs;
    const wait = typeof retryInMs === 'number' && Number.isFinite(retryInMs) ? Math.min(Math.max(retryInMs, 1), MAX_WAIT_MS) : 1_000;
    return { granted, retryInMs: wait, fallback: fallback === true };
  } catch {
    return { granted: true };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Holds calls until their network's window has room, first come first served, instead of failing
 * them: one loop per network asks the store for the call at the head of the line and waits as long
 * as the store says. A caller's signal takes its call out of the line at once.
 */
export class RateLimitQueue {
  readonly #store: RateLimitStore;
  readonly #events: RateLimitQueueEvents;
  readonly #lines = new Map<string, Waiter[]>();
  /** Until when each line's loop sleeps, while it does. */
  readonly #sleepingUntil = new Map<string, number>();
  #fallenBack = false;

  constructor(store: RateLimitStore, events: RateLimitQueueEvents) {
    this.#store = store;
    this.#events = events;
  }

  /**
   * Resolves when the call may be sent, with when the store's window ends (if it said); rejects with a
   * TribeAbortError if `signal` aborts first.
   */
  acquire(key: string, cost: RateLimitCost, operationName: string, signal: AbortSignal | undefined): Promise<AdmittedGrant> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<AdmittedGrant>((resolve, reject) => {
      const waiter: Waiter = { cost, operationName, waited: false, resolve, reject, signal, onAbort: () => undefined };
      waiter.onAbort = () => {
        this.#remove(key, waiter);
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      const line = this.#lines.get(key);
      const until = this.#sleepingUntil.get(key);
      if (until !== undefined) this.#reportWait(key, waiter, until - Date.now());
      if (line) line.push(waiter);
      else {
        this.#lines.set(key, [waiter]);
        void this.#serve(key);
      }
    });
  }

  /**
   * Charges the part of a call's cost that only its answer told; gives back an excess only to the
   * window it was taken from: the one the store named, else while `windowEndsAt` is ahead. Never fails the call.
   */
  charge(key: string, complexity: number, grant: Partial<Pick<AdmittedGrant, 'window' | 'windowEndsAt'>>): void {
    if (complexity === 0 || !Number.isFinite(complexity)) return;
    if (complexity < 0 && grant.window === undefined && (grant.windowEndsAt === undefined || Date.now() >= grant.windowEndsAt)) return;
    this.#store.charge(key, Math.round(complexity), grant.window).catch(() => undefined);
  }

  /** Restarts the window (the one the store named) from now, for the answer of the call that opened it. Never fails the call. */
  restartWindow(key: string, window: string | undefined): void {
    this.#store.restartWindow?.(key, window).catch(() => undefined);
  }

  #remove(key: string, waiter: Waiter): void {
    const line = this.#lines.get(key);
    const index = line?.indexOf(waiter) ?? -1;
    if (index >= 0) line!.splice(index, 1);
  }

  async #serve(key: string): Promise<void> {
    const line = this.#lines.get(key)!;
    while (line.length > 0) {
      const head = line[0]!;
      const grant = await takeFrom(this.#store, key, head.cost);
      if (grant.fallback !== this.#fallenBack) this.#events.onFallbackChange(key, grant.fallback === true);
      this.#fallenBack = grant.fallback === true;
      if (line[0] !== head) {
        // The head left the line (aborted) while the store answered: a grant it got is not given back, which errs on the safe side.
        continue;
      }
      if (grant.granted) {
        line.shift();
        head.signal?.removeEventListener('abort', head.onAbort);
        head.resolve({ windowEndsAt: grant.windowEndsAt, firstInWindow: grant.firstInWindow === true, window: grant.window });
        continue;
      }
      for (const waiter of line) this.#reportWait(key, waiter, grant.retryInMs);
      this.#sleepingUntil.set(key, Date.now() + grant.retryInMs);
      await new Promise((resolve) => setTimeout(resolve, grant.retryInMs));
      this.#sleepingUntil.delete(key);
    }
    this.#lines.delete(key);
  }

  #reportWait(key: string, waiter: Waiter, waitMs: number): void {
    if (waiter.waited) return;
    waiter.waited = true;
    this.#events.onWait(key, waiter.operationName, Math.max(0, Math.round(waitMs)));
  }
}
