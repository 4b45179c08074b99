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

/** Builds dist/ and packs the package into `into` (default: a fresh temporary folder); returns the tarball's path. */
export async function buildAndPack(into?: string): Promise<string> {
  expectSuccess('npm run build', await run('npm', ['run', 'build'], { cwd: REPO, timeoutMs: 120_000 }));
  into ??= await mkdtemp(join(tmpdir(), 'tribe-sdk-pack-'));
  // The build ran just above; --ignore-scripts keeps prepack from building a second time.
  const packed = expectSuccess(
    'npm pack',
    await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], { cwd: REPO }),
  );
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  return join(into, filename);
}

/** Creates an empty ES-module project in a temporary folder and installs the tarball into it. */
export async function installIntoFreshProject(tarball: string): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), 'tribe-sdk-consumer-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  expectSuccess(
    'npm install <tarball>',
    await run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: project,
      timeoutMs: 240_000,
    }),
  );
  return project;
}
