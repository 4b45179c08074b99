import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedSdkTarball } from '../support/packed-sdk.js';
import { newestPublishedPostIds } from '../support/expected-posts.js';
import { measureRuntimes, renderRuntimeSection } from '../../bench/runtimes/run.js';
import { MATRIX, RUNTIMES_REQUIRED } from './matrix.js';
import { startSmokeEmulator } from './smoke-emulator.js';
import { prepareProject } from './runtime-project.js';
import type { SmokeResult } from './smoke-program.js';

// The packed package, installed into an empty project, runs one smoke program in every runtime.
let project = '';
let tarball = '';

beforeAll(async () => {
  tarball = await packedSdkTarball();
  project = await prepareProject(tarball, { smoke: new URL('./smoke-program.ts', import.meta.url) });
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the runtime matrix', { timeout: 90_000 }, () => {
  for (const runtime of MATRIX) {
    const { name } = runtime;
    it(`${name}: mints, queries, pages, writes, verifies a signed webhook and meets a typed Forbidden error`, async (context) => {
      const version = await runtime.version();
      if (version === undefined) {
        if (RUNTIMES_REQUIRED) throw new Error(`runtime matrix: ${name} is missing (${runtime.installHint}), and CI requires every runtime`);
        console.log(`runtime matrix: ${name} is not installed here (${runtime.installHint}); skipped`);
        context.skip();
      }
      const { emulator, target } = await startSmokeEmulator(name);
      try {
        const seededPostIds = newestPublishedPostIds(emulator.store.data.posts);
        const call = { program: 'smoke', exportName: 'runSmoke', argument: target, label: name, host: new URL(target.url).host };
        const result = (await runtime.run(project, call)) as SmokeResult;
        expect(result).toEqual({
          networkId: emulator.networkId,
          botTokenIsJwt: true,
          memberId: target.memberId,
          postIds: seededPostIds,
          createdPost: {
            id: expect.stringMatching(/\w/),
            title: `Smoke test from ${name}`,
            ownerId: target.memberId,
          },
          forbidden: {
            code: 'TRIBE_FORBIDDEN',
            isForbiddenError: true,
            isTribeError: true,
            isError: true,
          },
          webhook: { verifiedType: 'TEST', challenge: 'matrix-challenge', tamperedReason: 'bad-signature' },
        });
        // What the program reported happened on the emulator's side too.
        expect(emulator.store.data.posts.find((post) => post.id === result.createdPost.id)?.ownerId).toBe(target.memberId);
        expect(emulator.requestCount('posts')).toBe(Math.ceil(seededPostIds.length / 2));
        console.log(`runtime matrix: ${name} passed (${version})`);
      } finally {
        await emulator.close();
      }
    });
  }
});

// A few requests per runtime, so the throughput benchmark does not rot; it checks that it runs and agrees, never speed.
describe('the runtime benchmark, smoke run', () => {
  it('measures the SDK against raw fetch (and raw undici where it loads) in each installed runtime', async () => {
    const results = await measureRuntimes({ smoke: true, tarball });
    expect(results.map((row) => row.runtime)).toEqual(['node-esm', 'bun', 'deno', 'workerd', 'edge-runtime']);
    for (const row of results.filter((entry) => entry.version !== undefined)) {
      const clients = ['raw fetch', 'tribe-sdk', ...(['node-esm', 'bun', 'deno'].includes(row.runtime) ? ['raw undici.request'] : [])];
      for (const figures of [row.sequential, row.concurrent]) {
        expect(Object.keys(figures ?? {}).sort(), row.runtime).toEqual(clients.sort());
        for (const value of Object.values(figures ?? {})) expect(value, row.runtime).toBeGreaterThan(0);
      }
    }
    const section = renderRuntimeSection(results, 'now');
    for (const row of results) expect(section).toContain(`| ${row.runtime} |`);
  }, 180_000);
});
