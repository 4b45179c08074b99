import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO } from '../consumer/pack.js';
import { CHROMIUM } from '../support/chromium.js';
import { runChromium } from './runners/chromium.js';
import { NODE_BINARIES } from './runners/node-binaries.js';
import { BUN, DENO, runBun, runDeno, runNodeBinary, runNodeCjs, runNodeEsm, versionOf } from './runners/process-runtimes.js';
import { runEdgeRuntime, runWorkerd } from './runners/web-runtimes.js';
import type { ProgramCall } from './runtime-project.js';

/** One runtime of the matrix: how to tell it is installed, and how to run a program in it. */
export interface MatrixRuntime {
  name: string;
  /** Its version, or undefined when it is missing here. */
  version(): Promise<string | undefined>;
  /** What provides it, for the line printed when it is missing. */
  installHint: string;
  /** Runs one program of the project there and returns its result. */
  run(project: string, call: ProgramCall): Promise<unknown>;
}

const bin = (name: string): string => join(REPO, 'node_modules', '.bin', name);
/** The version of an installed package (for runtimes without a --version flag). */
async function packageVersion(name: string): Promise<string | undefined> {
  const text = await readFile(join(REPO, 'node_modules', name, 'package.json'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : `${name} ${(JSON.parse(text) as { version: string }).version}`;
}
const nodeVersion = (): Promise<string> => Promise.resolve(`node ${process.version}`);

/** Every runtime the README claims, in the order the test runs them. */
export const MATRIX: readonly MatrixRuntime[] = [
  {
    name: 'node-esm',
    version: nodeVersion,
    installHint: 'node',
    run: runNodeEsm,
  },
  {
    name: 'node-cjs',
    version: nodeVersion,
    installHint: 'node',
    run: runNodeCjs,
  },
  // The supported Node lines beside the one running the tests: the lowest `engines` allows, and each later major.
  ...NODE_BINARIES.flatMap(({ alias, file }) =>
    (['esm', 'cjs'] as const).map((kind) => ({
      name: `${alias}-${kind}`,
      version: () => versionOf(file).then((version) => version && `node ${version}`),
      installHint: 'npm run runtimes:node',
      run: runNodeBinary(file, kind),
    })),
  ),
  {
    name: 'bun',
    version: () => versionOf(BUN).then((version) => version && `bun ${version}`),
    installHint: 'npm ci (devDependency bun)',
    run: runBun,
  },
  {
    name: 'deno',
    version: () => versionOf(DENO),
    installHint: 'npm ci (devDependency deno)',
    run: runDeno,
  },
  {
    name: 'workerd',
    version: () => versionOf(bin('workerd')),
    installHint: 'npm ci (devDependency miniflare)',
    run: runWorkerd,
  },
  {
    name: 'edge-runtime',
    version: () => packageVersion('edge-runtime'),
    installHint: 'npm ci (devDependency edge-runtime)',
    run: runEdgeRuntime,
  },
  {
    name: 'chromium',
    version: () => versionOf(CHROMIUM),
    installHint: 'apt-get install chromium',
    run: runChromium,
  },
];

/** With CI set (or TRIBE_SDK_RUNTIMES=required, which .ci/run sets), a missing runtime fails instead of being skipped. */
export const RUNTIMES_REQUIRED = Boolean(process.env.CI) || process.env.TRIBE_SDK_RUNTIMES === 'required';
