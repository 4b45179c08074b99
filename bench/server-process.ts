import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The fixed-response server, running in its own process. */
export interface FixedServer {
  url: string;
  /** Counters since the server started: mints and all GraphQL requests. */
  stats(): Promise<{ mints: number; requests: number }>;
  close(): Promise<void>;
}

/** Starts bench/fixed-server.ts in a child process; `mintDelayMs` models the latency of a real mint. */
export async function startFixedServer(mintDelayMs = 0): Promise<FixedServer> {
  const script = fileURLToPath(new URL('./fixed-server.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, String(mintDelayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await Promise.race([
    once(child.stdout!, 'data'),
    once(child, 'exit').then(() => {
      throw new Error('bench: the fixed server exited before listening');
    }),
  ])) as [Buffer];
  const { url } = JSON.parse(line.toString()) as { url: string };
  return {
    url,
    async stats() {
      const response = await fetch(new URL('/stats', url));
      return (await response.json()) as { mints: number; requests: number };
    },
    async close() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
