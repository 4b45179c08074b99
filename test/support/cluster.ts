import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { WorkerPlan, WorkerReport } from './cluster-worker.js';

export type { WorkerPlan, WorkerReport } from './cluster-worker.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const WORKER_SOURCE = fileURLToPath(new URL('./cluster-worker.ts', import.meta.url));
const WORKER = `${REPO}node_modules/.cache/cluster-worker/worker-${process.pid}.mjs`;
let built: Promise<unknown> | undefined;

/** Bundles the worker once per process: starting four workers through tsx costs seconds each on a busy machine. */
function buildWorker(): Promise<unknown> {
  if (!built) {
    // tribe-sdk-source: the package's #imports resolve to src/, as in development (vitest and tsx set it too).
    built = build({
      entryPoints: [WORKER_SOURCE],
      outfile: WORKER,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      conditions: ['tribe-sdk-source'],
      logLevel: 'error',
    });
    process.once('exit', () => rmSync(WORKER, { force: true }));
  }
  return built;
}

/** A worker process and what it said so far. */
export interface Worker {
  child: ChildProcess;
  /** Resolves with its report, or undefined when it exited without one (killed). */
  done: Promise<WorkerReport | undefined>;
  /** Resolves once it printed progress of at least `count` calls. */
  progress(count: number): Promise<void>;
}

/** Starts a worker and resolves once it is connected and waiting for {@link go}. Bounded: killed after `limitMs`. */
export async function startWorker(plan: WorkerPlan, limitMs = 120_000): Promise<Worker> {
  await buildWorker();
  const child = spawn(process.execPath, [WORKER, JSON.stringify(plan)], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
  const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  let progressed = 0;
  const watchers: Array<{ count: number; resolve: () => void }> = [];
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<WorkerReport | undefined>((resolve) => {
    let report: WorkerReport | undefined;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: true; progress?: number; done?: WorkerReport };
      if (message.ready) markReady();
      if (message.progress !== undefined) {
        progressed = Math.max(progressed, message.progress);
        for (const watcher of watchers.filter((candidate) => candidate.count <= progressed)) watcher.resolve();
      }
      if (message.done) report = message.done;
    });
    child.once('exit', () => {
      clearTimeout(killer);
      resolve(report);
    });
  });
  await Promise.race([ready, done.then(() => Promise.reject(new Error('the worker exited before it was ready')))]);
  return {
    child,
    done,
    progress: (count) => (progressed >= count ? Promise.resolve() : new Promise((resolve) => watchers.push({ count, resolve }))),
  };
}

/** Tells every worker to start its calls at once. */
export function go(workers: readonly Worker[]): void {
  for (const worker of workers) worker.child.stdin!.write('go\n');
}

/** Sums the workers' reports. */
export function totals(reports: ReadonlyArray<WorkerReport | undefined>): WorkerReport {
  const sum: WorkerReport = { ok: 0, failed: 0, errorCodes: {}, status429: 0, events: {}, wallMs: 0 };
  for (const report of reports) {
    if (!report) continue;
    sum.ok += report.ok;
    sum.failed += report.failed;
    sum.status429 += report.status429;
    sum.wallMs = Math.max(sum.wallMs, report.wallMs);
    sum.mismatched = (sum.mismatched ?? 0) + (report.mismatched ?? 0);
    for (const [code, count] of Object.entries(report.errorCodes)) sum.errorCodes[code] = (sum.errorCodes[code] ?? 0) + count;
    for (const [type, count] of Object.entries(report.events)) sum.events[type] = (sum.events[type] ?? 0) + count;
  }
  return sum;
}
