/**
 * Per-request cost of every client, sequentially and at a fixed concurrency, measured with tinybench.
 * Rounds alternate the order of the clients so that drift (thermal, other load) hits all of them alike.
 * One tinybench iteration is a batch of requests; its time divided by the batch is one sample.
 */
import { Bench } from 'tinybench';
import type { PostsQuery } from '../generated/sdk.js';
import type { BenchClient, ClientFactory } from './clients.js';
import { median } from './stats.js';

/** How one throughput run is shaped. */
export interface ThroughputOptions {
  url: string;
  factories: readonly ClientFactory[];
  concurrency: number;
  /** Requests per tinybench iteration. */
  batch: number;
  rounds: number;
  /** Time per client per round, in ms (tinybench's `time`). */
  timeMs: number;
  warmupMs: number;
  /** A few iterations only, for the CI smoke run. */
  smoke: boolean;
  /** The server's own counters; when given, each result says how many queries the server saw from that client. */
  serverStats?: () => Promise<{ mints: number; requests: number }>;
}

/** The figures of one client over all rounds. */
export interface ThroughputResult {
  name: string;
  /** Per-request wall time in µs: median, min and max over all samples of all rounds. */
  medianUs: number;
  minUs: number;
  maxUs: number;
  /** Client CPU (user + system) per request in µs, over the timed phases. */
  cpuUs: number;
  requests: number;
  /** Queries (requests that were not mints) the server counted in the timed phases; undefined without `serverStats`. */
  serverQueries: number | undefined;
  /** The data of the last call, for correctness checks. */
  lastData: PostsQuery | undefined;
}

/** What a client's batches leave behind: the last answer and how many calls completed. */
interface Sink {
  data?: PostsQuery;
  calls: number;
}

async function runBatch(client: BenchClient, batch: number, concurrency: number, sink: Sink): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batch) {
      next += 1;
      sink.data = await client.call();
      sink.calls += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batch) }, worker));
}

/** Runs every factory's client for `rounds` alternating rounds and returns one result per factory, in order. */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult[]> {
  const clients = new Map<string, BenchClient>();
  for (const factory of options.factories) clients.set(factory.name, await factory.create(options.url));
  const samples = new Map<string, number[]>(options.factories.map((factory) => [factory.name, []]));
  const cpu = new Map<string, { micros: number; requests: number; serverQueries: number }>(
    options.factories.map((factory) => [factory.name, { micros: 0, requests: 0, serverQueries: 0 }]),
  );
  const sinks = new Map<string, Sink>(options.factories.map((factory) => [factory.name, { calls: 0 }]));
  try {
    for (let round = 0; round < options.rounds; round++) {
      const bench = new Bench({
        time: options.smoke ? 0 : options.timeMs,
        iterations: options.smoke ? 2 : 8,
        warmup: !options.smoke,
        warmupTime: options.warmupMs,
        warmupIterations: 4,
        throws: true,
        retainSamples: true,
      });
      const order = options.factories.map((_, index) => options.factories[(index + round) % options.factories.length]!);
      for (const factory of order) {
        const client = clients.get(factory.name)!;
        const sink = sinks.get(factory.name)!;
        const usage = cpu.get(factory.name)!;
        let cpuAtStart: NodeJS.CpuUsage | undefined;
        let statsAtStart: { mints: number; requests: number } | undefined;
        let callsAtStart = 0;
        bench.add(factory.name, () => runBatch(client, options.batch, options.concurrency, sink), {
          // Said outright: otherwise tinybench calls the function once at add() to find out, and that
          // untimed batch would still be in flight while the first client is measured.
          async: true,
          async beforeAll(mode) {
            if (mode !== 'run') return;
            callsAtStart = sink.calls;
            statsAtStart = await options.serverStats?.();
            cpuAtStart = process.cpuUsage();
          },
          async afterAll(mode) {
            if (mode !== 'run' || cpuAtStart === undefined) return;
            const spent = process.cpuUsage(cpuAtStart);
            usage.micros += spent.user + spent.system;
            usage.requests += sink.calls - callsAtStart;
            const statsAtEnd = await options.serverStats?.();
            if (statsAtStart && statsAtEnd) {
              usage.serverQueries += statsAtEnd.requests - statsAtEnd.mints - (statsAtStart.requests - statsAtStart.mints);
            }
          },
        });
      }
      await bench.run();
      for (const task of bench.tasks) {
        const result = task.result as { latency?: { samples?: number[] } };
        const perRequestUs = (result.latency?.samples ?? []).map((ms) => (ms * 1000) / options.batch);
        samples.get(task.name)!.push(...perRequestUs);
      }
    }
  } finally {
    for (const client of clients.values()) await client.close();
  }
  return options.factories.map((factory) => {
    const sorted = samples.get(factory.name)!.sort((a, b) => a - b);
    const usage = cpu.get(factory.name)!;
    return {
      name: factory.name,
      medianUs: median(sorted),
      minUs: sorted[0]!,
      maxUs: sorted.at(-1)!,
      cpuUs: usage.requests === 0 ? 0 : usage.micros / usage.requests,
      requests: usage.requests,
      serverQueries: options.serverStats ? usage.serverQueries : undefined,
      lastData: sinks.get(factory.name)!.data,
    };
  });
}
