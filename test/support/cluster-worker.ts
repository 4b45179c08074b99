/**
 * One worker process of a cluster, for the tests and the bench: a client sharing its tokens and
 * rate limit through Redis (or not), making `calls` calls at `concurrency`. It prints JSON lines:
 * `{"ready":true}` once connected, then waits for "go" on stdin; `{"progress":n}` every
 * `progressEvery` calls; and `{"done":{...}}` with its counts at the end.
 */
import { createInterface } from 'node:readline';
import { Redis as IoRedis } from 'ioredis';
import { createClient } from 'redis';
import { createTribeClient, TribeError, type TribeEvent } from '../../src/index.node.js';
import { createRateLimitStore } from '../../src/rate-limit-store/index.js';
import { createRedisTokenStore, type RedisClientLike } from '../../src/redis/index.js';

/** What a worker is told to do. */
export interface WorkerPlan {
  endpoint: string;
  clientId: string;
  clientSecret: string;
  networkId: string;
  redisUrl?: string;
  redisClient?: 'redis' | 'ioredis';
  /** Share tokens through Redis. */
  sharedTokens: boolean;
  /** A rate limit, in memory or (with `shared`) through Redis. */
  rateLimit?: { requests: number; complexity: number; windowMs: number; marginMs?: number; shared: boolean };
  calls: number;
  concurrency: number;
  /** `network` (cheap), or `posts` with this page size. */
  postsLimit?: number;
  /** Instead: `member(id)` lookups of these IDs in turn, each answer checked to be the member asked for. */
  memberIds?: string[];
  /** Merge the calls of one tick (the client's `coalesce` option). */
  coalesce?: boolean;
  timeoutMs?: number;
  maxRetries?: number;
  prefix: string;
  progressEvery?: number;
}

/** What a worker reports at the end. */
export interface WorkerReport {
  ok: number;
  failed: number;
  errorCodes: Record<string, number>;
  status429: number;
  events: Record<string, number>;
  wallMs: number;
  /** Lookups answered with another member than the one asked for. */
  mismatched?: number;
}

const plan = JSON.parse(process.argv[2]!) as WorkerPlan;
const print = (line: unknown): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

async function connect(): Promise<{ client: RedisClientLike; close: () => void } | undefined> {
  if (!plan.redisUrl) return undefined;
  if (plan.redisClient === 'ioredis') {
    const client = new IoRedis(plan.redisUrl, { retryStrategy: () => 100 });
    client.on('error', () => undefined);
    return { client, close: () => client.disconnect() };
  }
  const client = createClient({ url: plan.redisUrl, socket: { reconnectStrategy: 100 } });
  client.on('error', () => undefined);
  await client.connect();
  return { client, close: () => client.destroy() };
}

const redis = await connect();
const events: Record<string, number> = {};
let status429 = 0;
const onEvent = (event: TribeEvent): void => {
  events[event.type] = (events[event.type] ?? 0) + 1;
  if (event.type === 'response' && event.status === 429) status429 += 1;
};
const rateLimit =
  plan.rateLimit && createRateLimitStore({ ...plan.rateLimit, redis: plan.rateLimit.shared ? redis?.client : undefined, prefix: `${plan.prefix}rate:` });
const tribe = createTribeClient({
  clientId: plan.clientId,
  clientSecret: plan.clientSecret,
  networkId: plan.networkId,
  endpoint: plan.endpoint,
  timeoutMs: plan.timeoutMs,
  maxRetries: plan.maxRetries,
  tokenCache: plan.sharedTokens && redis ? createRedisTokenStore({ client: redis.client, prefix: plan.prefix }) : undefined,
  rateLimit,
  onEvent,
  coalesce: plan.coalesce,
});

print({ ready: true });
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));

const started = performance.now();
const errorCodes: Record<string, number> = {};
let next = 0;
let ok = 0;
let failed = 0;
let mismatched = 0;
const lookup = async (index: number): Promise<void> => {
  const id = plan.memberIds![index % plan.memberIds!.length]!;
  const answer = await tribe.sdk.member({ id });
  if (answer.member.id !== id) mismatched += 1;
};
const call = (index: number): Promise<unknown> =>
  plan.memberIds ? lookup(index) : plan.postsLimit === undefined ? tribe.sdk.network() : tribe.sdk.posts({ limit: plan.postsLimit });
await Promise.all(
  Array.from({ length: Math.min(plan.concurrency, plan.calls) }, async () => {
    while (next < plan.calls) {
      next += 1;
      try {
        await call(next);
        ok += 1;
      } catch (error) {
        failed += 1;
        const code = error instanceof TribeError ? error.code : 'other';
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
      }
      const finished = ok + failed;
      if (plan.progressEvery && finished % plan.progressEvery === 0) print({ progress: finished });
    }
  }),
);
const report: WorkerReport = { ok, failed, errorCodes, status429, events, wallMs: performance.now() - started, mismatched };
print({ done: report });
tribe.close();
redis?.close();
process.exit(0);
