import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedSdkTarball } from '../support/packed-sdk.js';
import { newestPublishedPostIds } from '../support/expected-posts.js';
import { MATRIX, RUNTIMES_REQUIRED } from './matrix.js';
import { startSmokeEmulator } from './smoke-emulator.js';
import { prepareSmokeProject } from './smoke-project.js';

// The packed package, installed into an empty project, runs one smoke program in every runtime.
let project = '';

beforeAll(async () => {
  project = await prepareSmokeProject(await packedSdkTarball());
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the runtime matrix', { timeout: 90_000 }, () => {
  for (const runtime of MATRIX) {
    const { name } = runtime;
    it(`${name}: mints, queries, pages, writes and meets a typed Forbidden error`, async (context) => {
      const version = await runtime.version();
      if (version === undefined) {
        if (RUNTIMES_REQUIRED) throw new Error(`runtime matrix: ${name} is missing (${runtime.installHint}), and CI requires every runtime`);
        console.log(`runtime matrix: ${name} is not installed here (${runtime.installHint}); skipped`);
        context.skip();
      }
      const { emulator, target } = await startSmokeEmulator(name);
      try {
        const seededPostIds = newestPublishedPostIds(emulator.store.data.posts);
        const result = await runtime.run(project, target);
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
