/** Renders a {@link BenchReport} as BENCHMARKS.md: machine, commands, tables and the speed goals. */
import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchReport } from './run.js';
import type { ThroughputResult } from './throughput.js';
import { renderWorkers } from './report-workers.js';
import { median } from './stats.js';

const us = (value: number): string => value.toFixed(0);
const ratio = (value: number): string => `${value.toFixed(2)}×`;
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;
const met = (ok: boolean): string => (ok ? 'met' : '**not met**');
const mib = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(2)} MiB`;

const RAW_UNDICI = 'raw undici.request';
const RAW_DISPATCH = 'raw undici.dispatch';

function throughputTable(results: readonly ThroughputResult[]): string[] {
  const reference = results[0]!;
  const undici = results.find((row) => row.name === RAW_UNDICI)!;
  return [
    '| client | ratio to raw fetch | ratio to raw undici | median µs/request | min | max | client CPU µs/request |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (row) =>
        `| ${row.name} | ${ratio(reference.medianUs / row.medianUs)} | ${ratio(undici.medianUs / row.medianUs)} | ${us(row.medianUs)} | ${us(row.minUs)} | ${us(row.maxUs)} | ${us(row.cpuUs)} |`,
    ),
  ];
}

function rowOf(results: readonly ThroughputResult[], name: string): ThroughputResult {
  return results.find((row) => row.name === name)!;
}

/** Throughput of `name` relative to `baseline` (or to the first row, raw fetch), from the medians. */
function ratioOf(results: readonly ThroughputResult[], name: string, baseline = results[0]!.name): number {
  return rowOf(results, baseline).medianUs / rowOf(results, name).medianUs;
}

/** Client CPU per request of `name` relative to raw undici. */
function cpuRatioOf(results: readonly ThroughputResult[], name: string): number {
  return rowOf(results, name).cpuUs / rowOf(results, RAW_UNDICI).cpuUs;
}

const NODE_SDK = 'SDK (node, undici)';

/** The speed goals, measured in one report. */
export function goals(report: BenchReport): Array<{ goal: string; figure: string; ok: boolean }> {
  const webSeq = ratioOf(report.sequential, 'SDK (fetch exchange)');
  const webCon = ratioOf(report.concurrent, 'SDK (fetch exchange)');
  const nodeSeq = ratioOf(report.sequential, NODE_SDK, RAW_UNDICI);
  const nodeCon = ratioOf(report.concurrent, NODE_SDK, RAW_UNDICI);
  const nodeCpu = Math.max(cpuRatioOf(report.sequential, NODE_SDK), cpuRatioOf(report.concurrent, NODE_SDK));
  const nodeBurst = report.coldBurst[0]!;
  const burstRatio = median(nodeBurst.coldMs) / median(nodeBurst.warmMs);
  const mints = report.coldBurst.flatMap((row) => row.mintsPerColdBurst);
  const [small, client, whole] = report.bundles;
  const [codegen, tsc] = report.tooling;
  const TSC_BASELINE_MS = 1300;
  const worstSoak = Math.max(...report.memberSoak.map((row) => row.retainedMiB));
  return [
    { goal: 'Node entry (built) ≥ 1.3× raw undici.request, c=32', figure: ratio(nodeCon), ok: nodeCon >= 1.3 },
    { goal: 'Node entry (built) ≥ 1.1× raw undici.request, sequential', figure: ratio(nodeSeq), ok: nodeSeq >= 1.1 },
    { goal: 'client CPU per request, Node entry / raw undici.request ≤ 1.0× (worse of c=1, c=32)', figure: ratio(nodeCpu), ok: nodeCpu <= 1.0 },
    { goal: 'fetch entry ≥ 0.98× raw fetch, sequential', figure: ratio(webSeq), ok: webSeq >= 0.98 },
    { goal: 'fetch entry ≥ 0.98× raw fetch, c=32', figure: ratio(webCon), ok: webCon >= 0.98 },
    {
      goal: `cold burst of ${report.coldBurstSize}: exactly 1 mint`,
      figure: `mints per cold burst: ${mints.join(', ')}`,
      ok: mints.every((count) => count === 1),
    },
    { goal: 'cold burst ≤ 1.2× the warm burst (node entry)', figure: ratio(burstRatio), ok: burstRatio <= 1.2 },
    {
      goal: 'mint + one typed query bundle ≤ 8 KB gzip, unused documents dropped',
      figure: `${kb(small!.gzipBytes)}; unused documents kept: ${small!.unusedDocumentsKept.length}`,
      ok: small!.gzipBytes <= 8_000 && small!.unusedDocumentsKept.length === 0,
    },
    { goal: 'createTribeClient + one call (every operation kept) ≤ 15 KB gzip', figure: kb(client!.gzipBytes), ok: client!.gzipBytes <= 15_000 },
    { goal: 'whole root entry ≤ 16 KB gzip', figure: kb(whole!.gzipBytes), ok: whole!.gzipBytes <= 16_000 },
    {
      goal: 'member soak: retained heap after every token expired ≤ 2 MiB over the level before (both entries)',
      figure: report.memberSoak.map((row) => `${row.entry} ${mib(row.retainedMiB)}`).join('; '),
      ok: worstSoak <= 2,
    },
    {
      goal: 'root entry bundle has no emulator, undici or node: built-in',
      figure: whole!.forbiddenInputs.length === 0 ? 'none' : whole!.forbiddenInputs.join(', '),
      ok: whole!.forbiddenInputs.length === 0,
    },
    {
      goal: 'codegen of the full schema + all operations ≤ 1.5 s',
      figure: `${ms(median(codegen!.runsMs))} wall, ${ms(median(codegen!.cpuMs))} CPU`,
      ok: median(codegen!.runsMs) <= 1500,
    },
    {
      goal: 'tsc --noEmit generated/ + consumer ≤ 1.3 s baseline + 10%',
      figure: `${ms(median(tsc!.runsMs))} wall, ${ms(median(tsc!.cpuMs))} CPU`,
      ok: median(tsc!.runsMs) <= TSC_BASELINE_MS * 1.1,
    },
  ];
}

/** The whole BENCHMARKS.md text. */
export function renderReport(report: BenchReport): string {
  const cpu = cpus();
  const lines = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench -- --write` (bench/run.ts); do not edit by hand.',
    '',
    '## Machine and commands',
    '',
    `- Run: ${report.startedAt}, ${report.durationS.toFixed(0)} s in all`,
    `- CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
    `- Node ${process.version} on ${process.platform}-${process.arch}`,
    '- Commands: `npm run bench` (= `npm run build && node --import tsx bench/run.ts`), `npm run bench -- --write`',
    '- Server: bench/fixed-server.ts in its own process on 127.0.0.1, one fixed answer (10 posts, about 6 KB); a Basic-auth request is a mint',
    '- Query: the generated `posts` query with the PostFields and PageInfoFields fragments',
    `- Throughput: tinybench, rounds alternate the order of the clients; samples are per request (one sequential request, or a batch of 64 at concurrency ${report.concurrency} divided by 64); CPU is process.cpuUsage of the client process over the timed phases`,
    '',
    '## Goals',
    '',
    `Measured: ${report.measuredBuild ? 'the built package (dist/, `npm run build` first)' : '**the TypeScript sources** (no dist/ was built)'}. raw undici.dispatch is ${ratio(ratioOf(report.concurrent, RAW_DISPATCH, RAW_UNDICI))} raw undici.request at c=${report.concurrency} and ${ratio(ratioOf(report.sequential, RAW_DISPATCH, RAW_UNDICI))} sequentially in this run (the ceiling a hand-written call can reach).`,
    '',
    '| goal | measured | status |',
    '| --- | --- | --- |',
    ...goals(report).map((row) => `| ${row.goal} | ${row.figure} | ${met(row.ok)} |`),
    '',
    '## Sequential (one request at a time)',
    '',
    ...throughputTable(report.sequential),
    '',
    `## Concurrency ${report.concurrency}`,
    '',
    ...throughputTable(report.concurrent),
    '',
    `## Cold burst: ${report.coldBurstSize} concurrent calls on a fresh client`,
    '',
    '| entry | cold median (min–max) | warm median (min–max) | ratio | mints per cold burst | answers equal |',
    '| --- | --- | --- | --- | --- | --- |',
    ...report.coldBurst.map(
      (row) =>
        `| ${row.entry} | ${ms(median(row.coldMs))} (${ms(Math.min(...row.coldMs))}–${ms(Math.max(...row.coldMs))}) | ${ms(median(row.warmMs))} (${ms(Math.min(...row.warmMs))}–${ms(Math.max(...row.warmMs))}) | ${ratio(median(row.coldMs) / median(row.warmMs))} | ${row.mintsPerColdBurst.join(', ')} | ${row.allAnswersEqual ? 'yes' : 'no'} |`,
    ),
    '',
    '## Browser bundles (esbuild, minified, gzip -9)',
    '',
    'Split as an app bundler splits them: the figures are what loads at once; chunks behind `import()` (graphql printer for documents codegen did not make, parser for string documents) load only when needed.',
    '',
    '| bundle | gzip at once | minified at once | gzip behind import() | emulator / node built-ins |',
    '| --- | --- | --- | --- | --- |',
    ...report.bundles.map(
      (row) =>
        `| ${row.name} | ${kb(row.gzipBytes)} | ${kb(row.minifiedBytes)} | ${kb(row.lazyGzipBytes)} | ${row.forbiddenInputs.length === 0 ? 'none' : row.forbiddenInputs.join(', ')} |`,
    ),
    '',
    `## Member soak: one client, ${report.memberSoak[0]?.members ?? 0} members over time, every token expired at the end`,
    '',
    'Waves of 1,000 members (half through `impersonate`, half through `request({ memberId })`), half an hour of the client clock apart; heap after 3 forced GCs.',
    '',
    '| entry | heap before members | peak | after every token expired | retained |',
    '| --- | --- | --- | --- | --- |',
    ...report.memberSoak.map(
      (row) =>
        `| ${row.entry} | ${row.baseMiB.toFixed(1)} MiB | ${row.peakMiB.toFixed(1)} MiB | ${row.afterExpiryMiB.toFixed(1)} MiB | ${mib(row.retainedMiB)} |`,
    ),
    '',
    '## Tooling (whole process)',
    '',
    '| step | command | median wall (min–max) | median CPU |',
    '| --- | --- | --- | --- |',
    ...report.tooling.map(
      (row) =>
        `| ${row.name} | \`${row.command}\` | ${ms(median(row.runsMs))} (${ms(Math.min(...row.runsMs))}–${ms(Math.max(...row.runsMs))}) | ${ms(median(row.cpuMs))} |`,
    ),
    '',
    `generated/sdk.ts: ${kb(report.generatedBytes)} (${report.generatedBytes} bytes).`,
    '',
    ...renderWorkers(report.limiterLibraries, report.bulkJob),
  ];
  return lines.join('\n');
}
