/**
 * rate-limiter-flexible against Bottleneck, the two candidates for the SDK's rate limiter: cost per
 * call (no limit reached; in memory and through Redis) and accuracy (4 limiters sharing one Redis,
 * as 4 processes would, taking more than the limit allows; how many they admit in any window).
 */
import Bottleneck from 'bottleneck';
import { Redis as IoRedis } from 'ioredis';
import { RateLimiterMemory, RateLimiterQueue, RateLimiterRedis } from 'rate-limiter-flexible';
import { startRedis } from '../test/support/redis.js';

/** One library's figures. */
export interface LimiterLibraryResult {
  library: string;
  memoryUsPerCall: number;
  redisUsPerCall: number;
  /** The most admissions seen in any window of the limit's length; the limit allows `limit`. */
  maxInAnyWindow: number;
  limit: number;
  /** The fastest possible time for the accuracy run over the time it took. */
  utilisation: number;
}

// A whole second: rate-limiter-flexible's Redis store rounds windows down to whole seconds (0 would never expire).
const WINDOW_MS = 1000;
const LIMIT = 50;
const INSTANCES = 4;

async function usPerCall(calls: number, take: () => Promise<unknown>): Promise<number> {
  for (let warm = 0; warm < Math.min(200, calls); warm++) await take();
  const started = performance.now();
  for (let call = 0; call < calls; call++) await take();
  return ((performance.now() - started) * 1000) / calls;
}

function maxInWindow(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= WINDOW_MS) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Runs `perInstance` admissions through each of the instances at once and records when each was admitted. */
async function accuracy(instances: Array<() => Promise<unknown>>, perInstance: number): Promise<{ maxInAnyWindow: number; utilisation: number }> {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    instances.flatMap((take) =>
      Array.from({ length: perInstance }, async () => {
        await take();
        times.push(performance.now());
      }),
    ),
  );
  const total = instances.length * perInstance;
  const ideal = (Math.ceil(total / LIMIT) - 1) * WINDOW_MS;
  return { maxInAnyWindow: maxInWindow(times), utilisation: ideal / (performance.now() - started) };
}

/** Measures both libraries; `smoke` shrinks the runs. */
export async function compareLimiterLibraries({ smoke }: { smoke: boolean }): Promise<LimiterLibraryResult[]> {
  const redis = await startRedis();
  const clients: IoRedis[] = [];
  const client = (): IoRedis => {
    const created = new IoRedis(redis.url);
    clients.push(created);
    return created;
  };
  const calls = smoke ? 50 : 5_000;
  const perInstance = smoke ? 20 : (LIMIT * 8) / INSTANCES;
  try {
    const flexibleMemory = new RateLimiterMemory({ points: 1e9, duration: 10 });
    const flexibleRedis = new RateLimiterRedis({ storeClient: client(), points: 1e9, duration: 10, keyPrefix: 'bench-cost' });
    const flexibleShared = Array.from({ length: INSTANCES }, () => {
      const queue = new RateLimiterQueue(new RateLimiterRedis({ storeClient: client(), points: LIMIT, duration: WINDOW_MS / 1000, keyPrefix: 'bench-acc' }), {
        maxQueueSize: 10_000,
      });
      return () => queue.removeTokens(1);
    });
    const flexible: LimiterLibraryResult = {
      library: 'rate-limiter-flexible',
      memoryUsPerCall: await usPerCall(calls, () => flexibleMemory.consume('k', 1)),
      redisUsPerCall: await usPerCall(calls, () => flexibleRedis.consume('k', 1)),
      limit: LIMIT,
      ...(await accuracy(flexibleShared, perInstance)),
    };

    const bottleneckMemory = new Bottleneck({ reservoir: 1e9 });
    const connection = new Bottleneck.IORedisConnection({ client: client() });
    const bottleneckRedis = new Bottleneck({ reservoir: 1e9, datastore: 'ioredis', connection, id: 'bench-cost', clearDatastore: true });
    const bottlenecks: Bottleneck[] = [bottleneckMemory, bottleneckRedis];
    const bottleneckShared = Array.from({ length: INSTANCES }, () => {
      const limiter = new Bottleneck({
        id: 'bench-acc',
        datastore: 'ioredis',
        connection: new Bottleneck.IORedisConnection({ client: client() }),
        reservoir: LIMIT,
        reservoirRefreshAmount: LIMIT,
        reservoirRefreshInterval: WINDOW_MS,
      });
      bottlenecks.push(limiter);
      return () => limiter.schedule(() => Promise.resolve());
    });
    const bottleneck: LimiterLibraryResult = {
      library: 'Bottleneck',
      memoryUsPerCall: await usPerCall(calls, () => bottleneckMemory.schedule(() => Promise.resolve())),
      redisUsPerCall: await usPerCall(calls, () => bottleneckRedis.schedule(() => Promise.resolve())),
      limit: LIMIT,
      ...(await accuracy(bottleneckShared, perInstance)),
    };
    await Promise.all(bottlenecks.map((limiter) => limiter.disconnect(false)));
    return [flexible, bottleneck];
  } finally {
    for (const created of clients) created.disconnect();
    await redis.stop();
  }
}

if (process.argv[1]?.endsWith('limiter-libraries.ts')) {
  console.log(await compareLimiterLibraries({ smoke: process.argv.includes('--smoke') }));
  // Bottleneck leaves timers behind even after disconnect().
  process.exit(0);
}
