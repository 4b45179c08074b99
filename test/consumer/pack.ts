import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** What a finished child process left behind. */
export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end and reports its exit code and output; never rejects. */
export function run(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Throws with the command's output when it did not exit 0, so a failed step explains itself. */
export function expectSuccess(step: string, finished: Finished): Finished {
  if (finished.code !== 0) throw new Error(`${step} exited ${finished.code}\n${finished.stdout}\n${finished.stderr}`);
  return finished;
}

/** The two packages, packed: the SDK and the dev tools. */
export interface Tarballs {
  sdk: string;
  tools: string;
}

async function pack(cwd: string, into: string, ignoreScripts: boolean): Promise<string> {
  const args = ['pack', '--json', '--pack-destination', into, ...(ignoreScripts ? ['--ignore-scripts'] : [])];
  const packed = expectSuccess(`npm pack in ${cwd}`, await run('npm', args, { cwd, timeoutMs: 180_000 }));
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  return join(into, filename);
}

/** Builds the SDK's dist/ and packs both packages into `into` (default: a fresh temporary folder); the tools' prepack builds them. */
export async function buildAndPack(into?: string): Promise<Tarballs> {
  expectSuccess('npm run build', await run('npm', ['run', 'build'], { cwd: REPO, timeoutMs: 120_000 }));
  into ??= await mkdtemp(join(tmpdir(), 'tribe-sdk-pack-'));
  // The SDK's build ran just above; --ignore-scripts keeps prepack from building a second time.
  const sdk = await pack(REPO, into, true);
  const tools = await pack(join(REPO, 'packages', 'tools'), into, false);
  return { sdk, tools };
}

/** Creates an empty ES-module project in a temporary folder and installs the tarballs into it. */
export async function installIntoFreshProject(tarballs: readonly string[], extraArgs: readonly string[] = []): Promise<{ project: string; output: string }> {
  const project = await mkdtemp(join(tmpdir(), 'tribe-sdk-consumer-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const installed = expectSuccess(
    'npm install <tarballs>',
    await run('npm', ['install', ...tarballs, ...extraArgs, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: project,
      timeoutMs: 240_000,
    }),
  );
  return { project, output: installed.stdout + installed.stderr };
}
