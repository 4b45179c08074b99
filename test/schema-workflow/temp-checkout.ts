import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository this test runs from. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The outcome of one command. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A throwaway copy of the repository's files (tracked and new, not ignored) with node_modules linked in. */
export interface TempCheckout {
  dir: string;
  /** Runs `npm run <script> -- <args>` in the copy with extra environment variables. */
  npm(script: string, args?: string[], env?: Record<string, string>): Promise<CommandResult>;
  /** Runs the copy's own `tribe-sdk` command (`node bin/tribe-sdk.js <args>`) in the copy. */
  tribeSdk(args: string[]): Promise<CommandResult>;
  remove(): Promise<void>;
}

const CREDENTIAL_VARIABLES = ['TRIBE_ACCESS_TOKEN', 'TRIBE_CLIENT_ID', 'TRIBE_CLIENT_SECRET', 'TRIBE_NETWORK_ID', 'TRIBE_API_URL'];

/** Copies the checkout into a temp directory; the repository itself is never written. */
export async function createTempCheckout(): Promise<TempCheckout> {
  const dir = await mkdtemp(join(tmpdir(), 'tribe-sdk-workflow-'));
  const listing = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot });
  const files = listing
    .toString('utf8')
    .split('\0')
    .filter((file) => file !== '' && !file.startsWith('node_modules/'));
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    // A file deleted in the working tree but still tracked is simply left out.
    await copyFile(join(repoRoot, file), join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');

  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CREDENTIAL_VARIABLES.includes(name)));
  const run = (file: string, args: string[], env: Record<string, string>): Promise<CommandResult> =>
    new Promise((resolve) => {
      execFile(file, args, { cwd: dir, env: { ...baseEnv, ...env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  return {
    dir,
    npm: (script, args = [], env = {}) => run('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], env),
    tribeSdk: (args) => run(process.execPath, [join(dir, 'packages/tools/bin/tribe-sdk.js'), ...args], {}),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
