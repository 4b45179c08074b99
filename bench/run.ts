/**
 * `npm run bench`: every benchmark in one run against a fixed-response server in its own process.
 * `npm run bench -- --write` also regenerates BENCHMARKS.md. `runBenchmarks({ smoke: true })` is the
 * few-iteration run the test suite uses to check that nothing here rots (correctness only).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TribeClientOptions } from '../src/index.js';
import { bundleEntries, measureBundle, type BundleResult } from './bundle-size.js';
import { measureBulkJob, type BulkJobResult } from './bulk-job.js';
import { clientFactories } from './clients.js';
import { measureColdBurst, type ColdBurstResult } from './cold-burst.js';
import { compareLimiterLibraries, type LimiterLibraryResult } from './limiter-libraries.js';
import { renderReport } from './report.js';
import { KEPT_SECTIONS, sectionOf, withSection } from './runtimes/section.js';
import { hasRedisServer } from '../test/support/redis.js';
import { measuresBuild, sdk } from './sdk-under-test.js';
import { runMemberSoak, type MemberSoakResult } from './member-soak.js';
import { startFixedServer } from './server-process.js';
import { measureThroughput, type ThroughputResult } from './throughput.js';
import { generatedFileBytes, measureTooling, type ToolTime } from './tooling-time.js';

/** Everything one run measured. */
export interface BenchReport {
  startedAt: string;
  durationS: number;
  sequential: ThroughputResult[];
  concurrent: ThroughputResult[];
  concurrency: number;
  coldBurstSize: number;
  coldBurst: Array<{ entry: string } & ColdBurstResult>;
  bundles: BundleResult[];
  tooling: ToolTime[];
  generatedBytes: number;
  /** rate-limiter-flexible against Bottleneck. */
  limiterLibraries: LimiterLibraryResult[];
  /** Whether the built package (dist/) was measured, not the sources. */
  measuredBuild: boolean;
  /** One client acting for many members over time, with their tokens expiring. */
  memberSoak: MemberSoakResult[];
  /** The bulk job of 4 processes with and without the shared limiter; left out of the smoke run (the test suite has a small one). */
  bulkJob: BulkJobResult[] | undefined;
}

/** Runs every benchmark; `smoke` shrinks each to a few iterations. */
export async function runBenchmarks({ smoke }: { smoke: boolean }): Promise<BenchReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const server = await startFixedServer();
  const concurrency = 32;
  const coldBurstSize = smoke ? 40 : 1000;
  try {
    const shape = { url: server.url, factories: clientFactories, rounds: smoke ? 1 : 4, timeMs: 400, warmupMs: 100, smoke, serverStats: () => server.stats() };
    const sequential = await measureThroughput({ ...shape, concurrency: 1, batch: 1 });
    const concurrent = await measureThroughput({ ...shape, concurrency, batch: smoke ? 8 : 64 });
    const rounds = smoke ? 1 : 4;
    const coldBurst = [
      { entry: 'node entry (undici)', ...(await measureColdBurst(server, sdk.createTribeClient, coldBurstSize, rounds)) },
      {
        entry: 'fetch exchange',
        ...(await measureColdBurst(
          server,
          (options: TribeClientOptions) => sdk.createTribeClient({ fetch: globalThis.fetch, ...options }),
          coldBurstSize,
          rounds,
        )),
      },
    ];
    const bundles: BundleResult[] = [];
    for (const entry of bundleEntries) bundles.push(await measureBundle(entry));
    const tooling = measureTooling(smoke ? 1 : 3);
    // The smoke run on a machine without redis-server leaves the comparison out; the full bench needs it.
    const limiterLibraries = smoke && !hasRedisServer ? [] : await compareLimiterLibraries({ smoke });
    const memberSoak = await runMemberSoak(server, smoke ? 200 : 20_000);
    const bulkJob = smoke ? undefined : await measureBulkJob();
    return {
      startedAt,
      durationS: (performance.now() - started) / 1000,
      sequential,
      concurrent,
      concurrency,
      coldBurstSize,
      coldBurst,
      bundles,
      tooling,
      generatedBytes: generatedFileBytes(),
      limiterLibraries,
      measuredBuild: measuresBuild,
      memberSoak,
      bulkJob,
    };
  } finally {
    await server.close();
  }
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const report = await runBenchmarks({ smoke: false });
  const markdown = renderReport(report);
  process.stdout.write(`${markdown}\n`);
  if (process.argv.includes('--write')) {
    const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
    // The runtime and quota sections come from their own benches; this run keeps them as they are.
    const previous = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      KEPT_SECTIONS.reduce((text, name) => withSection(text, name, sectionOf(previous, name)), markdown),
    );
    process.stdout.write('bench: wrote BENCHMARKS.md\n');
  }
  // Bottleneck (in the limiter comparison) leaves timers behind even after disconnect().
  process.exit(0);
}
