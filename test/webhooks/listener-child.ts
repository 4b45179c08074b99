import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./listener-process.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** What the child's onError heard, its RSS, and the failures it counted. */
export interface ChildStats {
  reasons: Record<string, number>;
  rss: number;
  unhandledRejections: number;
  uncaughtExceptions: number;
}

/** A webhook server in a process of its own (see listener-process.ts), stopped when the test ends. */
export interface ListenerChild {
  url: string;
  port: number;
  process: ChildProcess;
  /** The exit code, once the process ended by itself. */
  exitCode(): number | null;
  stats(): Promise<ChildStats>;
}

function nextLine(lines: Interface, child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the webhook server process exited with code ${code}`));
    child.once('exit', onExit);
    lines.once('line', (line) => {
      child.off('exit', onExit);
      resolve(line);
    });
  });
}

/** Starts listener-process.ts through tsx with the SDK's sources, and waits until it listens. */
export async function startListenerChild(options: { secret: string; bodyTimeoutMs?: number; countFailures?: boolean }): Promise<ListenerChild> {
  const child = spawn(process.execPath, ['--conditions=tribe-sdk-source', '--import', 'tsx', SCRIPT, JSON.stringify(options)], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill();
  });
  const lines = createInterface({ input: child.stdout! });
  const { port } = JSON.parse(await nextLine(lines, child)) as { port: number };
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    port,
    process: child,
    exitCode: () => child.exitCode,
    stats: async () => {
      const line = nextLine(lines, child);
      child.stdin!.write('stats\n');
      return JSON.parse(await line) as ChildStats;
    },
  };
}
