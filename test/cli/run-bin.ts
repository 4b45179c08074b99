import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's `packages/tools/bin/tribe-sdk.js`; in a checkout it runs the TypeScript source. */
export const BIN = fileURLToPath(new URL('../../packages/tools/bin/tribe-sdk.js', import.meta.url));

/** What a finished CLI run left behind. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node <bin> ...args` with exactly `env` plus PATH (nothing inherited, so no stray TRIBE_* leak in). */
export function runBin(args: string[], env: Record<string, string>, bin = BIN): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}
