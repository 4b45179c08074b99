import { join } from 'node:path';
import { expectSuccess, REPO, run } from '../../consumer/pack.js';
import { parseOutcome, writeEntry, type EntryKind, type ProgramCall } from '../runtime-project.js';

/** The binaries the devDependencies `bun` and `deno` install. */
export const BUN = join(REPO, 'node_modules', '.bin', 'bun');
export const DENO = join(REPO, 'node_modules', '.bin', 'deno');

/** A quiet environment: no inherited secrets, no update checks, no colours in the output. */
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' };

/** The version line a binary prints, or undefined when it is not there or does not run. */
export async function versionOf(file: string, args: string[] = ['--version']): Promise<string | undefined> {
  const finished = await run(file, args, { cwd: REPO, env: ENV, timeoutMs: 20_000 });
  return finished.code === 0 ? finished.stdout.trim().split('\n')[0] : undefined;
}

async function runEntry(file: string, args: (entry: string) => string[], kind: EntryKind, project: string, call: ProgramCall): Promise<unknown> {
  const entry = await writeEntry(project, kind, call);
  const finished = expectSuccess(call.label, await run(file, args(entry), { cwd: project, env: ENV, timeoutMs: 120_000 }));
  return parseOutcome(call.label, finished.stdout);
}

/** Node, importing the package as an ES module. */
export const runNodeEsm = (project: string, call: ProgramCall): Promise<unknown> => runEntry(process.execPath, (entry) => [entry], 'esm', project, call);

/** Node, loading the package with `require()` from CommonJS. */
export const runNodeCjs = (project: string, call: ProgramCall): Promise<unknown> => runEntry(process.execPath, (entry) => [entry], 'cjs', project, call);

/** A Node binary of the matrix other than the one running the tests, loading the package the way `kind` says. */
export const runNodeBinary =
  (file: string, kind: 'esm' | 'cjs') =>
  (project: string, call: ProgramCall): Promise<unknown> =>
    runEntry(file, (entry) => [entry], kind, project, call);

/** Bun, running the unbundled ES module. */
export const runBun = (project: string, call: ProgramCall): Promise<unknown> => runEntry(BUN, (entry) => [entry], 'esm', project, call);

/** Deno, unbundled, allowed to reach the program's one host and port and nothing else (no env, read, write or run). */
export const runDeno = (project: string, call: ProgramCall): Promise<unknown> =>
  runEntry(DENO, (entry) => ['run', '--no-prompt', `--allow-net=${call.host}`, ...(call.denoPermissions ?? []), entry], 'esm', project, call);
