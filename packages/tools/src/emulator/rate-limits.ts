/** The limits of one window; a limit left out is not enforced. */
export interface WindowLimits {
  /** How long the window lasts, in ms; it starts at the first request after the previous one ended. */
  windowMs: number;
  /** Requests per window. */
  requests?: number;
  /** Complexity (as reported in `extensions.complexity`) per window. */
  complexity?: number;
}

/** The limits the emulator enforces per network, like Tribe's burst and daily windows. Off unless given. */
export interface EmulatorRateLimits {
  /** The burst window (Tribe: 10 s). */
  burst?: WindowLimits;
  /** The daily window (Tribe: 24 h from the first request). */
  daily?: WindowLimits;
}

/** The documented plans: per 10-second burst and per day. */
export const EMULATOR_PLANS = {
  free: { burst: { windowMs: 10_000, requests: 100, complexity: 10_000 }, daily: { windowMs: 86_400_000, requests: 50_000, complexity: 5_000_000 } },
  addon: { burst: { windowMs: 10_000, requests: 200, complexity: 20_000 }, daily: { windowMs: 86_400_000, requests: 500_000, complexity: 50_000_000 } },
} as const satisfies Record<string, EmulatorRateLimits>;

/** Why a request was refused, in the terms of the `X-Quota-*` headers. */
export interface QuotaRefusal {
  type: 'Request' | 'Complexity';
  windowMs: number;
  limit: number;
  remaining: number;
  resetsAt: number;
}

interface WindowState {
  startedAt: number;
  requests: number;
  complexity: number;
}

/** Counts one kind of window for every network. */
class WindowCounter {
  readonly #states = new Map<string, WindowState>();
  constructor(readonly limits: WindowLimits) {}

  clear(): void {
    this.#states.clear();
  }

  current(network: string, now: number): WindowState {
    let state = this.#states.get(network);
    if (!state || now >= state.startedAt + this.limits.windowMs) this.#states.set(network, (state = { startedAt: now, requests: 0, complexity: 0 }));
    return state;
  }

  /** The refusal if a request of `complexity` does not fit (requests first, then complexity). */
  refusal(state: WindowState, complexity: number): QuotaRefusal | undefined {
    const { windowMs, requests, complexity: maxComplexity } = this.limits;
    const resetsAt = state.startedAt + windowMs;
    if (requests !== undefined && state.requests + 1 > requests)
      return { type: 'Request', windowMs, limit: requests, remaining: Math.max(0, requests - state.requests), resetsAt };
    if (maxComplexity !== undefined && state.complexity + complexity > maxComplexity) {
      return { type: 'Complexity', windowMs, limit: maxComplexity, remaining: Math.max(0, maxComplexity - state.complexity), resetsAt };
    }
    return undefined;
  }
}

/**
 * Tribe's quotas for each network: a request must fit the daily and the burst window. A request
 * refused by the burst limit still counts toward the daily requests, as the docs say.
 */
export class RateLimitLedger {
  readonly #burst: WindowCounter | undefined;
  readonly #daily: WindowCounter | undefined;
  readonly #refused = new Map<string, number>();

  constructor(limits: EmulatorRateLimits) {
    this.#burst = limits.burst && new WindowCounter(limits.burst);
    this.#daily = limits.daily && new WindowCounter(limits.daily);
  }

  /** Admits a request of `complexity` for `network` (and counts it), or says why not. */
  admit(network: string, complexity: number, now: number): QuotaRefusal | undefined {
    const daily = this.#daily?.current(network, now);
    const dailyRefusal = daily && this.#daily!.refusal(daily, complexity);
    if (daily) daily.requests += 1;
    const burst = this.#burst?.current(network, now);
    const refusal = dailyRefusal ?? (burst && this.#burst!.refusal(burst, complexity));
    if (refusal) {
      this.#refused.set(network, (this.#refused.get(network) ?? 0) + 1);
      return refusal;
    }
    if (daily) daily.complexity += complexity;
    if (burst) {
      burst.requests += 1;
      burst.complexity += complexity;
    }
    return undefined;
  }

  /** How many requests were refused with 429, for one network or in all. */
  refusedCount(network?: string): number {
    if (network !== undefined) return this.#refused.get(network) ?? 0;
    let total = 0;
    for (const count of this.#refused.values()) total += count;
    return total;
  }

  /** Forgets every window and count. */
  clear(): void {
    this.#refused.clear();
    this.#burst?.clear();
    this.#daily?.clear();
  }
}

/** The headers of a 429 answer: `Retry-After` in whole seconds and the `X-Quota-*` set. */
export function refusalHeaders(refusal: QuotaRefusal, now: number): Record<string, string> {
  return {
    'retry-after': String(Math.max(1, Math.ceil((refusal.resetsAt - now) / 1000))),
    'x-quota-type': refusal.type,
    'x-quota-duration': String(Math.round(refusal.windowMs / 1000)),
    'x-quota-limit': String(refusal.limit),
    'x-quota-remaining': String(refusal.remaining),
    'x-quota-resets-at': new Date(refusal.resetsAt).toISOString(),
  };
}
