import { describe, expect, it } from 'vitest';
import { runBenchmarks } from '../bench/run.js';
import { fixedPostsResult } from '../bench/fixed-data.js';
import { goals, renderReport } from '../bench/report.js';

// A few iterations of every benchmark, so none of them rots; it checks correctness, never speed.
describe('benchmarks, smoke run', () => {
  it('runs every benchmark: equal answers, one mint per cold burst, clean bundles, a typed consumer', async () => {
    const report = await runBenchmarks({ smoke: true });
    for (const row of [...report.sequential, ...report.concurrent]) {
      expect(row.lastData, row.name).toEqual(fixedPostsResult.data);
      expect(row.requests, row.name).toBeGreaterThan(0);
      // Counted by the fixed server itself: every call the bench timed reached it as one query.
      expect(row.serverQueries, row.name).toBe(row.requests);
    }
    for (const row of report.coldBurst) {
      expect(row.mintsPerColdBurst, row.entry).toEqual([1]);
      expect(row.allAnswersEqual, row.entry).toBe(true);
    }
    const [small, , whole] = report.bundles;
    expect(small!.unusedDocumentsKept).toEqual([]);
    expect(whole!.forbiddenInputs).toEqual([]);
    expect(report.bundles.every((row) => row.gzipBytes > 0)).toBe(true);
    expect(report.tooling.find((row) => row.name.startsWith('tsc'))?.exitCode).toBe(0);
    const rendered = renderReport(report);
    for (const row of goals(report)) expect(rendered).toContain(`| ${row.goal} | ${row.figure} |`);
    expect(rendered).toContain('## Many workers, one budget (issue 16)');
    for (const row of report.limiterLibraries) expect(row.maxInAnyWindow, row.library).toBeLessThanOrEqual(row.limit * 2);
  }, 120_000);
});
