import { join } from 'node:path';
import { expectSuccess, REPO, run } from '../../consumer/pack.js';
import type { SmokeResult, SmokeTarget } from '../smoke-program.js';
import { parseOutcome, writeEntry } from '../smoke-project.js';

/** The binaries the devDependencies `bun` and `deno` install. */
export const BUN = join(REPO, 'node_modules', '.bin', 'bun');
export const DENO = join(REPO, 'node_modules', '.bin', 'deno');

/** A quiet environment: no inherited secrets, no update checks, no colours in the output. */
const ENV = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NO_COLOR: '1',
  DENO_NO_UPDATE_CHECK: '1',
};

/** The version line a binary prints, or undefined when it is not there or does not run. */
export async function versionOf(file: string, args: string[] = ['--version']): Promise<string | undefined> {
  const finished = await run(file, args, {
    cwd: REPO,
    env: ENV,
    timeoutMs: 20_000,
  });
  return finished.code === 0 ? finished.stdout.trim().split('\n')[0] : undefined;
}

async function runEntry(
  runtime: string,
  file: string,
  args: (entry: string) => string[],
  project: string,
  target: SmokeTarget,
  kind: 'esm' | 'cjs',
): Promise<SmokeResult> {
  const entry = await writeEntry(project, kind, target);
  const finished = expectSuccess(runtime, await run(file, args(entry), { cwd: project, env: ENV, timeoutMs: 60_000 }));
  return parseOutcome(runtime, finished.stdout);
}

/** Node, importing the package as an ES module. */
export const runNodeEsm = (project: string, target: SmokeTarget): Promise<SmokeResult> =>
  runEntry('node-esm', process.execPath, (entry) => [entry], project, target, 'esm');

/** Node, loading the package with `require()` from CommonJS. */
export const runNodeCjs = (project: string, target: SmokeTarget): Promise<SmokeResult> =>
  runEntry('node-cjs', process.execPath, (entry) => [entry], project, target, 'cjs');

/** Bun, running the unbundled ES module. */
export const runBun = (project: string, target: SmokeTarget): Promise<SmokeResult> =>
  runEntry('bun', BUN, (entry) => [entry], project, target, 'esm');

/** Deno, unbundled, allowed to reach the emulator's host and port and nothing else (no env, read, write or run). */
export function runDeno(project: string, target: SmokeTarget): Promise<SmokeResult> {
  const { host } = new URL(target.url);
  return runEntry('deno', DENO, (entry) => ['run', '--no-prompt', `--allow-net=${host}`, entry], project, target, 'esm');
}
