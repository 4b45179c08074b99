import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { buildAndPack, type Tarballs } from '../consumer/pack.js';

const WAIT_LIMIT_MS = 300_000;

type Outcome = { tarballs: Tarballs } | { error: string };

/** The SDK's tarball of this run (see {@link packedTarballs}). */
export async function packedSdkTarball(): Promise<string> {
  return (await packedTarballs()).sdk;
}

/**
 * Both packages' tarballs, built and packed once per test run: the first test file to ask builds them
 * (an atomic mkdir decides which), the others wait for its answer. Two files building at once would
 * delete each other's dist/.
 */
export async function packedTarballs(): Promise<Tarballs> {
  const dir = inject('packDir');
  const outcomeFile = join(dir, 'outcome.json');
  let builder = true;
  try {
    await mkdir(join(dir, 'lock'));
  } catch {
    builder = false;
  }
  if (builder) {
    let outcome: Outcome;
    try {
      outcome = { tarballs: await buildAndPack(dir) };
    } catch (error) {
      outcome = {
        error: error instanceof Error ? error.message : String(error),
      };
    }
    await writeFile(outcomeFile, JSON.stringify(outcome));
    return unwrap(outcome);
  }
  for (const started = Date.now(); Date.now() - started < WAIT_LIMIT_MS; await sleep(250)) {
    const text = await readFile(outcomeFile, 'utf8').catch(() => undefined);
    if (text !== undefined) return unwrap(JSON.parse(text) as Outcome);
  }
  throw new Error(`packedSdkTarball: no tarball after ${WAIT_LIMIT_MS / 1000} s`);
}

function unwrap(outcome: Outcome): Tarballs {
  if ('error' in outcome) throw new Error(`packing the packages failed: ${outcome.error}`);
  return outcome.tarballs;
}
