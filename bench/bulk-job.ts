/**
 * The bulk job of issue 16: 2,000 calls from 4 worker processes against the emulator limited to 100
 * requests per 1-second window (and, in a second pair, to a complexity that binds first), once with
 * the shared rate limiter and once without, side by side.
 */
import { startEmulator } from '../packages/tools/src/emulator/index.js';
import { go, startWorker, totals, type WorkerPlan } from '../test/support/cluster.js';
import { startRedis } from '../test/support/redis.js';

/** One run of the bulk job. */
export interface BulkJobResult {
  scenario: string;
  limiter: boolean;
  calls: number;
  ok: number;
  failed: number;
  /** Answers of HTTP 429 the workers saw. */
  status429: number;
  wallS: number;
  /** The least time the emulator's limit allows for the job. */
  minimumS: number;
}

const PROCESSES = 4;
const WINDOW_MS = 1_000;
/** What `posts(limit: 1)` costs by the documented formula (the emulator reports it). */
const POSTS_COST = 16;

interface Scenario {
  name: string;
  requests: number;
  complexity?: number;
  postsLimit?: number;
  costPerCall: number;
}

const SCENARIOS: Scenario[] = [
  { name: '100 requests per 1 s window', requests: 100, costPerCall: 0 },
  {
    name: '100 requests and 1,280 complexity per 1 s window; posts(limit: 1) costs 16, so complexity binds at 80 calls',
    requests: 100,
    complexity: 1_280,
    postsLimit: 1,
    costPerCall: POSTS_COST,
  },
];

async function runOnce(scenario: Scenario, limiter: boolean, calls: number, redisUrl: string, prefix: string): Promise<BulkJobResult> {
  const emulator = await startEmulator({ rateLimits: { burst: { windowMs: WINDOW_MS, requests: scenario.requests, complexity: scenario.complexity } } });
  try {
    const plan: WorkerPlan = {
      endpoint: emulator.url,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      networkId: emulator.networkId,
      redisUrl,
      sharedTokens: true,
      calls: calls / PROCESSES,
      concurrency: 25,
      postsLimit: scenario.postsLimit,
      prefix,
      rateLimit: limiter ? { requests: scenario.requests, complexity: scenario.complexity ?? 1_000_000, windowMs: WINDOW_MS, shared: true } : undefined,
    };
    const workers = await Promise.all(Array.from({ length: PROCESSES }, () => startWorker(plan, 300_000)));
    const started = performance.now();
    go(workers);
    const sum = totals(await Promise.all(workers.map((worker) => worker.done)));
    const perWindow = Math.min(scenario.requests, scenario.complexity === undefined ? Infinity : Math.floor(scenario.complexity / scenario.costPerCall));
    return {
      scenario: scenario.name,
      limiter,
      calls,
      ok: sum.ok,
      failed: sum.failed,
      status429: sum.status429,
      wallS: (performance.now() - started) / 1000,
      minimumS: (calls / perWindow) * (WINDOW_MS / 1000),
    };
  } finally {
    await emulator.close();
  }
}

/** Runs every scenario with and without the limiter; `calls` is the job's size (2,000 in the bench). */
export async function measureBulkJob(calls = 2_000): Promise<BulkJobResult[]> {
  const redis = await startRedis();
  const results: BulkJobResult[] = [];
  try {
    let run = 0;
    for (const scenario of SCENARIOS) {
      for (const limiter of [true, false]) results.push(await runOnce(scenario, limiter, calls, redis.url, `bulk-${process.pid}-${++run}:`));
    }
    return results;
  } finally {
    await redis.stop();
  }
}
