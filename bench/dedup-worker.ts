/**
 * One webhook worker of the Redis dedup bench: a handler with the Redis dedup store on 127.0.0.1,
 * whose handler records each event it ran in a Redis list. Prints `{"ready":port}`; on "report" it
 * prints how long the dedup store took per delivery (claim plus complete), in ms.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { createRedisDedupStore } from '../src/redis/index.js';
import { createWebhookHandler, toNodeListener, type WebhookDedupStore } from '../src/webhooks/index.js';

const plan = JSON.parse(process.argv[2]!) as { redisUrl: string; prefix: string; secret: string; claimTimeoutMs: number; name: string };
// The events this worker has started and not yet completed: what may run again if it dies.
const inFlight = `${plan.prefix}in-flight:${plan.name}`;
const redis = new Redis(plan.redisUrl);
const store = createRedisDedupStore({ client: redis, prefix: plan.prefix, claimTimeoutMs: plan.claimTimeoutMs });
const dedupMs: number[] = [];
let claimStarted = new Map<string, number>();

// The store's own time per delivery: its claim, plus its complete when the event ran.
const timed: WebhookDedupStore = {
  async claim(key, ttlMs) {
    const started = performance.now();
    const claim = await store.claim(key, ttlMs);
    if (claim === true) claimStarted.set(key, performance.now() - started);
    else dedupMs.push(performance.now() - started);
    return claim;
  },
  release: (key) => store.release(key),
  async complete(key, ttlMs) {
    const started = performance.now();
    await store.complete!(key, ttlMs);
    dedupMs.push((claimStarted.get(key) ?? 0) + performance.now() - started);
    // The store's key is `<networkId>:<event id>`.
    await redis.srem(inFlight, key.slice(key.indexOf(':') + 1));
    claimStarted.delete(key);
  },
};

const handler = createWebhookHandler({
  signingSecret: plan.secret,
  dedupStore: timed,
  onAny: async (event) => {
    await redis.sadd(inFlight, (event.data as { id: string }).id);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await redis.rpush(`${plan.prefix}handled`, (event.data as { id: string }).id);
  },
});
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ ready: (server.address() as AddressInfo).port })}\n`));
createInterface({ input: process.stdin }).on('line', () => {
  process.stdout.write(`${JSON.stringify({ report: dedupMs })}\n`);
  claimStarted = new Map();
});
