import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from './free-port.js';

/** A redis-server of the test file's own, on 127.0.0.1, without persistence. */
export interface RunningRedis {
  port: number;
  url: string;
  /** Stops the server (SIGTERM) and waits for it to exit; for tests of a Redis that goes away. */
  stop(): Promise<void>;
}

/** Whether `redis-server` is installed here. */
export const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Whether this machine can run the Redis tests. Without `redis-server` they are skipped with one
 * printed line on a developer's machine, and fail in CI, which must install it (`.ci/run` does).
 */
export function redisAvailable(): boolean {
  if (hasRedisServer) return true;
  if (process.env.CI) throw new Error('redis-server is missing, and CI must run the Redis tests (.ci/run installs it)');
  console.log('skipping the Redis tests: redis-server is not installed (apt-get install redis-server)');
  return false;
}

async function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts redis-server on a free loopback port and resolves once it accepts connections (within 10 s). */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await acceptsConnections(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Starts one Redis for the test file and stops it at the end; `current` is undefined when the tests are skipped. */
export function useRedis(): { readonly current: RunningRedis } {
  let redis: RunningRedis | undefined;
  beforeAll(async () => {
    if (hasRedisServer) redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  return {
    get current() {
      if (!redis) throw new Error('Redis is not running');
      return redis;
    },
  };
}
