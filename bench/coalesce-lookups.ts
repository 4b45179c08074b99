/**
 * The bulk lookup job of issue 27: 2,000 `member(id)` lookups from 4 worker processes against the
 * emulator under the free plan's burst limits (100 requests and 10,000 complexity per window, the
 * window scaled from 10 s to 1 s), all sharing one Redis rate limiter, once with `coalesce` and once without.
 */
import { startEmulator } from '../packages/tools/src/emulator/index.js';
import { go, startWorker, totals, type WorkerPlan } from '../test/support/cluster.js';
import { startRedis } from '../test/support/redis.js';

/** One run of the lookup job. */
export interface LookupJobResult {
  coalesce: boolean;
  calls: number;
  ok: number;
  failed: number;
  status429: number;
  /** Lookups answered with another member's data. */
  mismatched: number;
  /** Requests the emulator received (mints included). */
  requests: number;
  wallS: number;
}

const PROCESSES = 4;
const WINDOW_MS = 5_000;
const REQUESTS = 100;
const COMPLEXITY = 10_000;

async function runOnce(coalesce: boolean, calls: number, redisUrl: string, prefix: string): Promise<LookupJobResult> {
  const emulator = await startEmulator({ rateLimits: { burst: { windowMs: WINDOW_MS, requests: REQUESTS, complexity: COMPLEXITY } } });
  try {
    const memberIds = emulator.store.data.members.filter((member) => !member.isBot).map((member) => member.id);
    const plan: WorkerPlan = {
      endpoint: emulator.url,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      networkId: emulator.networkId,
      redisUrl,
      sharedTokens: true,
      calls: calls / PROCESSES,
      concurrency: 500,
      memberIds,
      coalesce,
      prefix,
      rateLimit: { requests: REQUESTS, complexity: COMPLEXITY, windowMs: WINDOW_MS, shared: true },
    };
    const workers = await Promise.all(Array.from({ length: PROCESSES }, () => startWorker(plan, 600_000)));
    const before = emulator.requestCount();
    const started = performance.now();
    go(workers);
    const sum = totals(await Promise.all(workers.map((worker) => worker.done)));
    return {
      coalesce,
      calls,
      ok: sum.ok,
      failed: sum.failed,
      status429: sum.status429,
      mismatched: sum.mismatched ?? 0,
      requests: emulator.requestCount() - before,
      wallS: (performance.now() - started) / 1000,
    };
  } finally {
    await emulator.close();
  }
}

/** The job without and with `coalesce`, side by side in one run. */
export async function measureLookupJob(calls = 2_000): Promise<LookupJobResult[]> {
  const redis = await startRedis();
  try {
    return [await runOnce(false, calls, redis.url, `lookup-${process.pid}-1:`), await runOnce(true, calls, redis.url, `lookup-${process.pid}-2:`)];
  } finally {
    await redis.stop();
  }
}
