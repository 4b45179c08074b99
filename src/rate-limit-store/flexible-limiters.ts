// rate-limiter-flexible, not Bottleneck (bench/limiter-libraries.ts measures both), for the counters in
// this process: it is maintained, its fixed windows start at the first request as Tribe's do, it can
// charge points after the fact (penalty/reward), and it costs about 2 µs per call. In one process a
// give-back follows its take at once, so it cannot land in a later window; Redis needs more (see
// shared-window.ts). Its main module loads node:cluster, hence this node-only entry.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The two counters of one burst window: requests and complexity. */
export interface WindowLimiters {
  requests: RateLimiterAbstract;
  complexity: RateLimiterAbstract;
  /** Starts both windows of `key` afresh from now, keeping their counts (the library has no call for it). */
  restart(key: string): Promise<void>;
}

/** Counters in this process. */
export function memoryLimiters(requests: number, complexity: number, durationS: number): WindowLimiters {
  const limiters = [
    new RateLimiterMemory({ points: requests, duration: durationS }),
    new RateLimiterMemory({ points: complexity, duration: durationS }),
  ] as const;
  return {
    requests: limiters[0],
    complexity: limiters[1],
    async restart(key) {
      for (const limiter of limiters) {
        const counted = await limiter.get(key);
        if (counted) await limiter.set(key, counted.consumedPoints, durationS);
      }
    },
  };
}

/** Whether a rejection is the library saying "over the limit" (as opposed to a store failure). */
export function overLimit(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}
