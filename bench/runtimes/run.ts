/**
 * `npm run bench:runtimes`: throughput of the packed SDK in each runtime of the matrix against that
 * runtime's raw fetch (and raw undici where it loads), sequential and at c=32, all in the same run
 * against the fixed server in its own process. `-- --write` puts the table into BENCHMARKS.md
 * between its runtime markers. `measureRuntimes({ smoke: true })` is the few-request run the matrix
 * test uses to keep this from rotting (correctness only).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { print } from 'graphql';
import { PostsDocument } from '../../generated/sdk.js';
import { buildAndPack } from '../../test/consumer/pack.js';
import { MATRIX } from '../../test/runtimes/matrix.js';
import { prepareProject } from '../../test/runtimes/runtime-project.js';
import { startFixedServer } from '../server-process.js';
import { sectionMarkers, withSection } from './section.js';
import type { ThroughputFigures, ThroughputShape } from './throughput-program.js';

const SECTION = 'runtime-throughput';
const { start: SECTION_START, end: SECTION_END } = sectionMarkers(SECTION);

/** The figures of one runtime, or why it has none. */
export interface RuntimeThroughput {
  runtime: string;
  version: string | undefined;
  sequential?: ThroughputFigures;
  concurrent?: ThroughputFigures;
}

/** The runtimes measured: node-cjs runs the same code as node-esm, and the fixed server answers no CORS preflight for Chromium. */
const MEASURED = ['node-esm', 'bun', 'deno', 'workerd', 'edge-runtime'];
/** Runtimes that load undici unbundled, so its row is measured there too. */
const WITH_UNDICI = new Set(['node-esm', 'bun', 'deno']);
/** Runs the throughput program in every measured runtime that is installed, with `tarball` (default: built and packed now). */
export async function measureRuntimes({ smoke, tarball }: { smoke: boolean; tarball?: string }): Promise<RuntimeThroughput[]> {
  const server = await startFixedServer();
  const project = await prepareProject(tarball ?? (await buildAndPack()).sdk, { throughput: new URL('./throughput-program.ts', import.meta.url) });
  const results: RuntimeThroughput[] = [];
  try {
    for (const runtime of MATRIX.filter((entry) => MEASURED.includes(entry.name))) {
      const version = await runtime.version();
      const row: RuntimeThroughput = { runtime: runtime.name, version };
      results.push(row);
      if (version === undefined) continue;
      const undici = WITH_UNDICI.has(runtime.name);
      for (const [key, concurrency] of [
        ['sequential', 1],
        ['concurrent', 32],
      ] as const) {
        const argument: ThroughputShape = {
          url: server.url,
          query: print(PostsDocument),
          concurrency,
          requests: smoke ? 4 : concurrency === 1 ? 400 : 1600,
          rounds: smoke ? 1 : 5,
        };
        const call = {
          program: 'throughput',
          exportName: 'runThroughput',
          argument,
          label: `${runtime.name}-${key}`,
          host: new URL(server.url).host,
          modules: undici ? ['undici'] : [],
          denoPermissions: undici ? ['--allow-env'] : [],
        };
        row[key] = (await runtime.run(project, call)) as ThroughputFigures;
      }
    }
  } finally {
    await server.close();
    await rm(project, { recursive: true, force: true });
  }
  return results;
}

const ratio = (reference: number | undefined, value: number | undefined): string =>
  reference === undefined || value === undefined ? '–' : `${(reference / value).toFixed(2)}×`;

/** The markdown section, markers included. */
export function renderRuntimeSection(results: readonly RuntimeThroughput[], startedAt: string): string {
  const rows = results.map((row) => {
    if (!row.sequential || !row.concurrent) return `| ${row.runtime} | not installed | | | | | |`;
    const [s, c] = [row.sequential, row.concurrent];
    return `| ${row.runtime} | ${row.version} | ${ratio(s['raw fetch'], s['tribe-sdk'])} | ${ratio(c['raw fetch'], c['tribe-sdk'])} | ${ratio(s['raw fetch'], s['raw undici.request'])} | ${ratio(c['raw fetch'], c['raw undici.request'])} | ${s['raw fetch']!.toFixed(0)} / ${c['raw fetch']!.toFixed(0)} |`;
  });
  return [
    SECTION_START,
    '## Throughput per runtime',
    '',
    `Measured ${startedAt} with \`npm run bench:runtimes -- --write\`: the packed SDK, installed into an empty project, in each runtime of the`,
    "matrix, against that runtime's own `fetch` with the same pre-printed `posts` document, and against raw `undici.request` where the",
    'runtime loads undici unbundled. Same fixed server in its own process, same run, rounds alternating the order; each figure is',
    'throughput relative to raw fetch in that runtime (above 1.00× is faster), from median per-request times. The machine is 2 shared',
    'cores with other work running: ratios within about ±10 % of each other are noise. Chromium is left out (the fixed server answers',
    "no CORS preflight); node-cjs runs the same code as node-esm. The `bun` and `deno` conditions send with their runtime's fetch",
    'because raw undici measured below raw fetch there (the undici columns); under `node` the SDK sends with undici.',
    '',
    '| runtime | version | SDK, sequential | SDK, c=32 | raw undici, sequential | raw undici, c=32 | raw fetch µs/request (seq / c=32) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    SECTION_END,
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const startedAt = new Date().toISOString();
  const section = renderRuntimeSection(await measureRuntimes({ smoke: false }), startedAt);
  process.stdout.write(`${section}\n`);
  if (process.argv.includes('--write')) {
    const file = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
    writeFileSync(file, withSection(readFileSync(file, 'utf8'), SECTION, section));
    process.stdout.write('bench: wrote the runtime section of BENCHMARKS.md\n');
  }
}
