/**
 * A burst of concurrent calls on a fresh client (one mint must serve all of them) against the same
 * burst on a client whose token is already cached. Rounds alternate which of the two goes first.
 */
import { isDeepStrictEqual } from 'node:util';
import type { TribeClient, TribeClientOptions } from '../src/index.js';
import { benchCredentials } from './clients.js';
import { fixedPostsResult, postsVariables } from './fixed-data.js';
import type { FixedServer } from './server-process.js';

/** Builds a client: the universal or the node entry's `createTribeClient`. */
export type CreateClient = (options: TribeClientOptions) => TribeClient;

/** What one cold-burst run measured. */
export interface ColdBurstResult {
  /** Burst wall time in ms, per round. */
  coldMs: number[];
  warmMs: number[];
  /** Mints the server saw during each cold burst; must be 1. */
  mintsPerColdBurst: number[];
  /** Whether every answer equalled the fixed answer. */
  allAnswersEqual: boolean;
}

async function burst(client: TribeClient, size: number): Promise<{ ms: number; equal: boolean }> {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: size }, () => client.sdk.posts(postsVariables)));
  const ms = performance.now() - started;
  return { ms, equal: results.every((data) => isDeepStrictEqual(data, fixedPostsResult.data)) };
}

/** Runs `rounds` alternating cold and warm bursts of `size` calls each. */
export async function measureColdBurst(server: FixedServer, create: CreateClient, size: number, rounds: number): Promise<ColdBurstResult> {
  const result: ColdBurstResult = { coldMs: [], warmMs: [], mintsPerColdBurst: [], allAnswersEqual: true };
  const options = { ...benchCredentials, endpoint: server.url };
  const cold = async (): Promise<void> => {
    const client = create(options);
    const before = (await server.stats()).mints;
    const { ms, equal } = await burst(client, size);
    result.mintsPerColdBurst.push((await server.stats()).mints - before);
    result.coldMs.push(ms);
    result.allAnswersEqual &&= equal;
    client.close();
  };
  const warm = async (): Promise<void> => {
    const client = create(options);
    await client.getAccessToken();
    const { ms, equal } = await burst(client, size);
    result.warmMs.push(ms);
    result.allAnswersEqual &&= equal;
    client.close();
  };
  await warm();
  result.warmMs.length = 0;
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await cold();
      await warm();
    } else {
      await warm();
      await cold();
    }
  }
  return result;
}
