/** One quota window: how long it lasts and how many requests it allows. */
export interface UsageWindow {
  /** Requests only, for now: counting `Complexity` points needs each operation's cost. */
  consumableType: 'Request';
  durationSeconds: number;
  limit: number;
}

/** The free plan's request quotas: 100 requests per 10-second burst and 50,000 per day. */
export const DEFAULT_USAGE_WINDOWS: readonly UsageWindow[] = [
  { consumableType: 'Request', durationSeconds: 10, limit: 100 },
  { consumableType: 'Request', durationSeconds: 86_400, limit: 50_000 },
];

/** What `apiRateLimitStats` answers for one window, as Tribe's `ApiRateLimitStat` type. */
export interface UsageStat {
  consumableType: UsageWindow['consumableType'];
  consumedPoints: number;
  duration: number;
  limit: number;
  remainingPoints: number;
  resetsAt: string;
}

interface WindowState {
  startedAt: number;
  consumed: number;
}

/**
 * Counts requests per network in fixed windows that start with the first request after the previous
 * one ended, as Tribe's daily window starts with the first request of the day.
 */
export class UsageCounter {
  readonly windows: readonly UsageWindow[];
  readonly #states = new Map<string, WindowState[]>();

  constructor(windows: readonly UsageWindow[] = DEFAULT_USAGE_WINDOWS) {
    this.windows = windows;
  }

  /** Counts one request for `networkId` in every window. */
  record(networkId: string, now = Date.now()): void {
    const states = this.#current(networkId, now);
    this.windows.forEach((_, index) => {
      const state = states[index]!;
      if (state.consumed === 0) state.startedAt = now;
      state.consumed += 1;
    });
  }

  /** The consumption of `networkId` in every window as of `now`. */
  stats(networkId: string, now = Date.now()): UsageStat[] {
    const states = this.#current(networkId, now);
    return this.windows.map((window, index) => {
      const state = states[index]!;
      const startedAt = state.consumed === 0 ? now : state.startedAt;
      return {
        consumableType: window.consumableType,
        consumedPoints: state.consumed,
        duration: window.durationSeconds,
        limit: window.limit,
        remainingPoints: Math.max(0, window.limit - state.consumed),
        resetsAt: new Date(startedAt + window.durationSeconds * 1000).toISOString(),
      };
    });
  }

  /** Forgets every count. */
  clear(): void {
    this.#states.clear();
  }

  /** The states of a network's windows, each emptied once its window has passed. */
  #current(networkId: string, now: number): WindowState[] {
    let states = this.#states.get(networkId);
    if (!states) this.#states.set(networkId, (states = this.windows.map(() => ({ startedAt: now, consumed: 0 }))));
    this.windows.forEach((window, index) => {
      const state = states[index]!;
      if (now >= state.startedAt + window.durationSeconds * 1000) Object.assign(state, { startedAt: now, consumed: 0 });
    });
    return states;
  }
}
