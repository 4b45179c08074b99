import { inspect } from 'node:util';
import { createGzip } from 'node:zlib';
import { expect } from 'vitest';
import { createTribeClient, type TribeClientOptions } from '../../src/index.js';
import type { ScriptedServer } from '../transport/scripted-server.js';

/** The two transports every hostile case runs on: the Node default (undici) and the fetch exchange of every other runtime. */
export const transports = [
  ['undici (Node default)', {}],
  ['fetch exchange', { fetch: globalThis.fetch }],
] as const satisfies ReadonlyArray<readonly [string, Partial<TribeClientOptions>]>;

/** The app's secret in every hostile case. */
export const SECRET = 'hostile-test-client-secret-9f8e7d';

/** A client against the scripted server, with no retries unless asked. */
export function hostileClient(server: ScriptedServer, transport: Partial<TribeClientOptions>, options: Partial<TribeClientOptions> = {}) {
  return createTribeClient({
    clientId: 'hostile-app',
    clientSecret: SECRET,
    networkId: 'net-1',
    endpoint: server.url,
    maxRetries: 0,
    ...transport,
    ...options,
  });
}

/** Every view of an error a program or a log might show, its cause chain included. */
export function errorViews(error: unknown): string[] {
  const views: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const value = current as Error;
    views.push(String(value), value?.message ?? '', value?.stack ?? '', JSON.stringify(value) ?? '', inspect(value, { depth: 10 }));
  }
  return views;
}

/** Asserts no view of `error` contains any of `secrets`. */
export function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  for (const view of errorViews(error)) {
    for (const secret of secrets) expect(view.includes(secret), `${secret.slice(0, 12)}… leaked into: ${view.slice(0, 300)}`).toBe(false);
  }
}

/** The Basic value the hostile client sends. */
export const BASIC = Buffer.from(`hostile-app:${SECRET}`).toString('base64');

let bomb: Promise<Buffer> | undefined;

/** 1 GiB of zeros, gzipped (about 1 MB), made once per process. */
export function gzipBomb(): Promise<Buffer> {
  bomb ??= new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 1 });
    const chunks: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    gzip.on('end', () => resolve(Buffer.concat(chunks)));
    gzip.on('error', reject);
    const zeros = Buffer.alloc(1 << 20);
    let left = 1024;
    const pump = (): void => {
      while (left > 0) {
        left -= 1;
        if (!gzip.write(zeros)) return void gzip.once('drain', pump);
      }
      gzip.end();
    };
    pump();
  });
  return bomb;
}

/** Resident memory in MiB, after a collection when the process allows it. */
export function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}
