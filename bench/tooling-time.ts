/**
 * Whole-process times of the tooling: codegen of the full schema with every operation (`--check`,
 * so nothing is written), and `tsc --noEmit` over generated/ plus a small consumer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The figures of one tool, in ms over `runs` runs. */
export interface ToolTime {
  name: string;
  command: string;
  runsMs: number[];
  /** CPU (user + system) of each run in ms, when /usr/bin/time is there to report it. */
  cpuMs: number[];
  /** Exit code of the last run (codegen --check exits 1 when generated/ is stale, which does not change its time). */
  exitCode: number | null;
}

const TIME = '/usr/bin/time';

function timeCommand(name: string, args: string[], runs: number): ToolTime {
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let exitCode: number | null = null;
  const withTime = existsSync(TIME);
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = withTime
      ? spawnSync(TIME, ['-f', '%U %S', process.execPath, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    runsMs.push(performance.now() - started);
    exitCode = result.status;
    const reported = withTime ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(result.stderr.toString()) : null;
    if (reported) cpuMs.push((Number(reported[1]) + Number(reported[2])) * 1000);
  }
  return { name, command: `node ${args.join(' ')}`, runsMs, cpuMs, exitCode };
}

/** Times codegen and the type-check, `runs` times each. */
export function measureTooling(runs: number): ToolTime[] {
  return [
    timeCommand(
      'codegen, full schema + all operations',
      ['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'codegen.ts', '--check', '--silent'],
      runs,
    ),
    timeCommand('tsc --noEmit, generated/ + consumer', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'bench/typecheck/tsconfig.json'], runs),
  ];
}

/** Size of generated/sdk.ts in bytes. */
export function generatedFileBytes(): number {
  return statSync(`${root}generated/sdk.ts`).size;
}
