/** The BENCHMARKS.md section of issue 16: the limiter libraries compared, and the bulk job with and without the shared limiter. */
import type { BulkJobResult } from './bulk-job.js';
import type { LimiterLibraryResult } from './limiter-libraries.js';

const met = (ok: boolean): string => (ok ? 'met' : '**not met**');

/** Goal figures of issue 16 from one bulk-job run. */
export function workerGoals(bulk: readonly BulkJobResult[]): Array<{ goal: string; figure: string; ok: boolean }> {
  return bulk
    .filter((row) => row.limiter)
    .map((row) => {
      const ratio = row.wallS / row.minimumS;
      return {
        goal: `${row.scenario}: shared limiter, 0 answers of 429, wall ≤ 1.15× the minimum (${row.minimumS.toFixed(0)} s)`,
        figure: `${row.status429} × 429, ${row.wallS.toFixed(1)} s = ${ratio.toFixed(2)}×`,
        ok: row.status429 === 0 && ratio <= 1.15 && row.failed === 0,
      };
    });
}

/** The section's lines. */
export function renderWorkers(libraries: readonly LimiterLibraryResult[], bulk: readonly BulkJobResult[] | undefined): string[] {
  const lines = [
    '## Many workers, one budget (issue 16)',
    '',
    'Rate limiter libraries (bench/limiter-libraries.ts): cost per call with no limit reached (sequential, one key), and accuracy of 4 limiters',
    `sharing one Redis (ioredis) taking ${libraries[0] ? libraries[0].limit * 8 : 0} admissions at ${libraries[0]?.limit ?? 0} per 1 s window: the most admitted in any 1-s sliding window`,
    '(fixed windows allow up to twice the limit across a boundary), and the fastest possible time over the time taken.',
    '',
    '| library | memory µs/call | Redis µs/call | most in any 1-s window (limit) | utilisation |',
    '| --- | --- | --- | --- | --- |',
    ...libraries.map(
      (row) =>
        `| ${row.library} | ${row.memoryUsPerCall.toFixed(1)} | ${row.redisUsPerCall.toFixed(0)} | ${row.maxInAnyWindow} (${row.limit}) | ${(row.utilisation * 100).toFixed(0)} % |`,
    ),
    '',
  ];
  if (!bulk) return [...lines, 'Bulk job: not run (smoke run).', ''];
  return [
    ...lines,
    `Bulk job (bench/bulk-job.ts): ${bulk[0]?.calls ?? 0} calls from 4 worker processes (25 at a time each) sharing one Redis token store, against the emulator`,
    'limited per 1-s window; SDK defaults otherwise (2 retries, honouring Retry-After).',
    '',
    '| emulator limit | shared limiter | calls ok | failed | answers of 429 | wall | minimum | ratio |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...bulk.map(
      (row) =>
        `| ${row.scenario} | ${row.limiter ? 'yes' : 'no'} | ${row.ok} | ${row.failed} | ${row.status429} | ${row.wallS.toFixed(1)} s | ${row.minimumS.toFixed(0)} s | ${(row.wallS / row.minimumS).toFixed(2)}× |`,
    ),
    '',
    '| goal | measured | status |',
    '| --- | --- | --- |',
    ...workerGoals(bulk).map((row) => `| ${row.goal} | ${row.figure} | ${met(row.ok)} |`),
    '',
  ];
}
