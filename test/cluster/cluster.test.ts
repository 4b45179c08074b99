import { describe, expect, it } from 'vitest';
import { startOwnEmulator } from '../support/emulator.js';
import { go, startWorker, totals, type WorkerPlan } from '../support/cluster.js';
import { redisAvailable, startRedis, useRedis } from '../support/redis.js';
import type { RunningEmulator } from '../../packages/tools/src/emulator/index.js';

// Real processes sharing a real Redis, against the emulator; counts, never timings.
const available = redisAvailable();
const redis = useRedis();
let prefixes = 0;

function planFor(emulator: RunningEmulator, redisUrl: string, plan: Partial<WorkerPlan>): WorkerPlan {
  return {
    endpoint: emulator.url,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    networkId: emulator.networkId,
    redisUrl,
    sharedTokens: true,
    calls: 10,
    concurrency: 10,
    prefix: `cluster-${process.pid}-${++prefixes}:`,
    ...plan,
  };
}

describe.skipIf(!available)('many worker processes, one Redis', { timeout: 120_000 }, () => {
  // The redis package here; ioredis in the Redis-stops test below.
  it('4 processes x 250 cold concurrent calls mint exactly once', async () => {
    const emulator = await startOwnEmulator();
    // Each attempt may take a minute: 1000 calls at once on a busy machine must not time out before the emulator answers them.
    const plan = planFor(emulator, redis.current.url, { redisClient: 'redis', calls: 250, concurrency: 250, timeoutMs: 60_000 });
    const workers = await Promise.all([1, 2, 3, 4].map(() => startWorker(plan)));
    go(workers);
    const sum = totals(await Promise.all(workers.map((worker) => worker.done)));
    expect(sum).toMatchObject({ ok: 1000, failed: 0, errorCodes: {} });
    expect(emulator.requestCount('limitedToken')).toBe(1);
    expect(sum.events['token-minted']).toBe(1);
  });

  it('when the lock holder dies mid-mint, the others finish after the lock expires: 2 mints in total', async () => {
    const emulator = await startOwnEmulator();
    emulator.injectFault({ operation: 'limitedToken', delayMs: 30_000, times: 1 });
    // timeoutMs bounds the mint lock (timeoutMs + 1 s): the survivors wait about 11 s for it to expire, and
    // each of their attempts may take 10 s, far more than a call needs however busy the machine.
    const plan = planFor(emulator, redis.current.url, { calls: 20, concurrency: 20, timeoutMs: 10_000 });
    const [holder, ...others] = await Promise.all([1, 2, 3, 4].map(() => startWorker(plan)));
    go([holder!]);
    for (let waited = 0; emulator.requestCount('limitedToken') < 1 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    go(others);
    await new Promise((resolve) => setTimeout(resolve, 300));
    holder!.child.kill('SIGKILL');
    expect(await holder!.done).toBeUndefined();
    const sum = totals(await Promise.all(others.map((worker) => worker.done)));
    expect(sum).toMatchObject({ ok: 60, failed: 0, errorCodes: {} });
    expect(emulator.requestCount('limitedToken')).toBe(2);
  });

  it('when Redis stops mid-run, every call still succeeds, on local tokens and limits, with one fallback event per process', async () => {
    const emulator = await startOwnEmulator();
    const own = await startRedis();
    const rateLimit = { requests: 1_000, complexity: 100_000, windowMs: 1_000, shared: true };
    const plan = planFor(emulator, own.url, { redisClient: 'ioredis', calls: 150, concurrency: 3, rateLimit, progressEvery: 10 });
    const workers = await Promise.all([1, 2, 3, 4].map(() => startWorker(plan)));
    go(workers);
    await Promise.all(workers.map((worker) => worker.progress(30)));
    await own.stop();
    const reports = await Promise.all(workers.map((worker) => worker.done));
    const sum = totals(reports);
    expect(sum).toMatchObject({ ok: 600, failed: 0 });
    expect(reports.map((report) => report?.events['local-fallback'])).toEqual([1, 1, 1, 1]);
    // The token each process took from Redis stays usable locally, so the outage costs no mint; a
    // process that needed one would mint locally (the FallbackTokenCache test covers that).
    expect(emulator.requestCount('limitedToken')).toBe(1);
  });
});

/**
 * The limiter's window outlasts the API's by `marginMs`: a call reaches the emulator at most that long
 * after the limiter granted it, or it may land in the emulator's next window (a 429). Here the margin
 * is a whole window, so only a call held up for more than a second between grant and arrival could
 * meet a 429, however busy the machine; the emulator enforces the limiter's own numbers.
 */
const WINDOW_MS = 1_000;
const MARGIN_MS = WINDOW_MS;

describe.skipIf(!available)('a bulk job under the platform limits', { timeout: 120_000 }, () => {
  const bulk = async (limits: { requests: number; complexity: number }, plan: Partial<WorkerPlan>) => {
    const emulator = await startOwnEmulator({ rateLimits: { burst: { windowMs: WINDOW_MS, ...limits } } });
    const shared = planFor(emulator, redis.current.url, { concurrency: 10, ...plan });
    const workers = await Promise.all([1, 2, 3, 4].map(() => startWorker(shared)));
    go(workers);
    return { sum: totals(await Promise.all(workers.map((worker) => worker.done))), refused: emulator.rateLimitedCount() };
  };
  const sharedLimiter = (limits: { requests: number; complexity: number }) => ({ ...limits, windowMs: WINDOW_MS, marginMs: MARGIN_MS, shared: true });

  it('with the shared limiter, 4 processes x 25 calls at 20 requests per window get no 429', async () => {
    const limits = { requests: 20, complexity: 100_000 };
    const { sum, refused } = await bulk(limits, { calls: 25, rateLimit: sharedLimiter(limits) });
    expect(sum).toMatchObject({ ok: 100, failed: 0, status429: 0 });
    expect(refused).toBe(0);
    expect(sum.events['rate-limit-wait']).toBeGreaterThan(0);
  });

  it('with the shared limiter, a complexity limit that binds first gives no 429 either', async () => {
    // posts(limit: 1) costs 16 by the documented formula: 160 per window is 10 calls, far below 100 requests.
    const limits = { requests: 100, complexity: 160 };
    const { sum, refused } = await bulk(limits, { calls: 10, postsLimit: 1, rateLimit: sharedLimiter(limits) });
    expect(sum).toMatchObject({ ok: 40, failed: 0, status429: 0 });
    expect(refused).toBe(0);
  });

  it('without a limiter, the same job meets 429s (the control)', async () => {
    const { sum, refused } = await bulk({ requests: 20, complexity: 100_000 }, { calls: 25, maxRetries: 5 });
    expect(sum.status429).toBeGreaterThan(0);
    expect(refused).toBe(sum.status429);
  });
});
