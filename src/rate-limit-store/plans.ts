/** A burst window's limits. */
export interface BurstLimits {
  /** Requests per window. */
  requests: number;
  /** Complexity per window, as the API reports it in `extensions.complexity`. */
  complexity: number;
  /** The window's length, in ms. */
  windowMs: number;
}

/** The documented plans' burst limits: free, and the API add-on (also the enterprise plan). */
export const RATE_LIMIT_PLANS = {
  free: { requests: 100, complexity: 10_000, windowMs: 10_000 },
  addon: { requests: 200, complexity: 20_000, windowMs: 10_000 },
} as const satisfies Record<string, BurstLimits>;

/** The name of a documented plan. */
export type RateLimitPlan = keyof typeof RATE_LIMIT_PLANS;
