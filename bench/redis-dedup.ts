/**
 * The Redis dedup bench of issue 27: 4 webhook worker processes sharing the Redis dedup store; 1,000
 * events each delivered 3 times to random live workers (a failed delivery, 5xx or refused, is
 * delivered again later, as the platform does); one worker is killed a third of the way through.
 * Counts how often each event ran, and the store's added time per delivery.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { startRedis } from '../test/support/redis.js';
import { platformSign, subscriptionBody } from '../test/webhooks/signed.js';
import { percentile } from './stats.js';

/** What one run found. */
export interface DedupBenchResult {
  events: number;
  deliveries: number;
  /** Deliveries that failed (5xx or refused) and were sent again. */
  redelivered: number;
  ranOnce: number;
  ranTwice: number;
  neverRan: number;
  /** Events the killed worker had started and not completed: the only ones the store may let run again. */
  inFlightAtKill: number;
  /** Events that ran more than once though the killed worker was not running them: the store's own failures. */
  ranTwiceElsewhere: number;
  dedupP50Ms: number;
  dedupP99Ms: number;
}

const WORKERS = 4;
const SECRET = 'whsec-bench-dedup';
const WORKER_SOURCE = fileURLToPath(new URL('./dedup-worker.ts', import.meta.url));

interface Worker {
  child: ChildProcess;
  port: number;
  alive: boolean;
  lines: AsyncIterator<string>;
}

async function startWorker(plan: object): Promise<Worker> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions', 'tribe-sdk-source', WORKER_SOURCE, JSON.stringify(plan)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  const worker: Worker = { child, port: (JSON.parse(first.value as string) as { ready: number }).ready, alive: true, lines };
  child.once('exit', () => (worker.alive = false));
  return worker;
}

async function report(worker: Worker): Promise<number[]> {
  worker.child.stdin!.write('report\n');
  return (JSON.parse((await worker.lines.next()).value as string) as { report: number[] }).report;
}

/** Runs the job once; `events` is 1,000 in the bench. */
export async function measureRedisDedup(events = 1_000): Promise<DedupBenchResult> {
  const redis = await startRedis();
  const prefix = `bench-dedup-${process.pid}:`;
  const plan = { redisUrl: redis.url, prefix, secret: SECRET, claimTimeoutMs: 1_000 };
  const workers = await Promise.all(Array.from({ length: WORKERS }, (_, index) => startWorker({ ...plan, name: `w${index}` })));
  const client = new Redis(redis.url);
  try {
    const ids = Array.from({ length: events }, (_, index) => `EvtBench${String(index).padStart(5, '0')}`);
    const queue = ids.flatMap((id) => [id, id, id]).sort(() => Math.random() - 0.5);
    const total = queue.length;
    let delivered = 0;
    let redelivered = 0;
    const deliver = async (id: string): Promise<boolean> => {
      const live = workers.filter((worker) => worker.alive);
      const worker = live[Math.floor(Math.random() * live.length)]!;
      const body = subscriptionBody('post.published', id);
      try {
        const response = await fetch(`http://127.0.0.1:${worker.port}/webhook`, { method: 'POST', headers: platformSign(body, SECRET), body });
        await response.text();
        return response.ok;
      } catch {
        return false;
      }
    };
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          if (await deliver(id)) {
            delivered += 1;
            if (delivered === Math.floor(total / 3)) workers[0]!.child.kill('SIGKILL');
            continue;
          }
          redelivered += 1;
          // The platform delivers a failed event again later.
          setTimeout(() => queue.push(id), 300);
          await new Promise((resolve) => setTimeout(resolve, 350));
        }
      }),
    );
    while (delivered < total) {
      const id = queue.shift();
      if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      else if (await deliver(id)) delivered += 1;
      else {
        redelivered += 1;
        setTimeout(() => queue.push(id), 300);
      }
    }
    const handled = await client.lrange(`${prefix}handled`, 0, -1);
    const counts = new Map<string, number>();
    for (const id of handled) counts.set(id, (counts.get(id) ?? 0) + 1);
    const killedInFlight = new Set(await client.smembers(`${prefix}in-flight:w0`));
    const latencies = (await Promise.all(workers.filter((worker) => worker.alive).map(report))).flat().sort((a, b) => a - b);
    return {
      events,
      deliveries: total,
      redelivered,
      ranOnce: ids.filter((id) => counts.get(id) === 1).length,
      ranTwice: ids.filter((id) => (counts.get(id) ?? 0) > 1).length,
      neverRan: ids.filter((id) => !counts.has(id)).length,
      inFlightAtKill: killedInFlight.size,
      ranTwiceElsewhere: ids.filter((id) => (counts.get(id) ?? 0) > 1 && !killedInFlight.has(id)).length,
      dedupP50Ms: percentile(latencies, 0.5),
      dedupP99Ms: percentile(latencies, 0.99),
    };
  } finally {
    for (const worker of workers) worker.child.kill('SIGKILL');
    client.disconnect();
    await redis.stop();
  }
}
