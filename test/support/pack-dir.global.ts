import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder of this run where the first test file that needs the packed SDK packs it, for all the others. */
    packDir: string;
  }
}

/** Gives the run one folder for the packed SDK; nothing is built until a test asks for the tarball. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const packDir = await mkdtemp(join(tmpdir(), 'tribe-sdk-run-'));
  project.provide('packDir', packDir);
  return () => rm(packDir, { recursive: true, force: true });
}
