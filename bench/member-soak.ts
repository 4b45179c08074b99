/**
 * The member soak: one client acts for 20,000 members over (simulated) hours while their tokens
 * expire, and the retained heap after expiry is compared with the level before the members came.
 * The client's clock (`now`) is advanced instead of waiting; every call still goes over HTTP to the
 * fixed server. `node --conditions=tribe-sdk-source --import tsx bench/member-soak.ts` runs it alone.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { TribeClient, TribeClientOptions } from '../src/index.js';
import { benchCredentials } from './clients.js';
import { postsVariables } from './fixed-data.js';
import { generated, sdk } from './sdk-under-test.js';
import { startFixedServer, type FixedServer } from './server-process.js';

const { createTribeClient } = sdk;
const { PostsDocument } = generated;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** What one soak measured, in MiB of retained heap. */
export interface MemberSoakResult {
  entry: string;
  members: number;
  baseMiB: number;
  peakMiB: number;
  afterExpiryMiB: number;
  /** After expiry minus base: the goal is at most 2 MiB. */
  retainedMiB: number;
}

const MINUTE = 60_000;

function heapMiB(): number {
  for (let round = 0; round < 3; round++) collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Calls once as each member of a wave: half through `impersonate`, half through `request`. */
async function wave(client: TribeClient, first: number, size: number): Promise<void> {
  const calls: Array<Promise<unknown>> = [];
  for (let member = first; member < first + size; member++) {
    const memberId = `soak-member-${member}`;
    calls.push(member % 2 === 0 ? client.impersonate(memberId).posts(postsVariables) : client.request(PostsDocument, postsVariables, { memberId }));
    if (calls.length >= 64) await Promise.all(calls.splice(0));
  }
  await Promise.all(calls);
}

/** Lets every token expire (the server's last two hours past), then calls as the bot a minute apart, as an app keeps doing. */
async function expireAll(client: TribeClient, clock: { now: number }): Promise<void> {
  clock.now += 2 * 60 * MINUTE;
  await client.sdk.posts(postsVariables);
  clock.now += 2 * MINUTE;
  await client.sdk.posts(postsVariables);
}

/** Runs the soak on one entry: `members` members in waves of 1,000, half an hour of the client's clock apart. */
export async function measureMemberSoak(server: FixedServer, entry: string, extra: Partial<TribeClientOptions>, members: number): Promise<MemberSoakResult> {
  const clock = { now: Date.now() };
  const client = createTribeClient({ ...benchCredentials, endpoint: server.url, now: () => clock.now, ...extra });
  const waveSize = Math.min(1_000, members);
  // Warm-up: one wave, expired, so that the base level has every code path loaded and every bounded table at its size.
  await wave(client, -waveSize, waveSize);
  await expireAll(client, clock);
  const baseMiB = heapMiB();
  let peakMiB = baseMiB;
  for (let first = 0; first < members; first += waveSize) {
    await wave(client, first, waveSize);
    clock.now += 30 * MINUTE;
    if (first % (5 * waveSize) === 0) peakMiB = Math.max(peakMiB, heapMiB());
  }
  peakMiB = Math.max(peakMiB, heapMiB());
  await expireAll(client, clock);
  const afterExpiryMiB = heapMiB();
  client.close();
  return { entry, members, baseMiB, peakMiB, afterExpiryMiB, retainedMiB: afterExpiryMiB - baseMiB };
}

/** The soak on both entries: the Node default (undici) and the fetch exchange. */
export async function runMemberSoak(server: FixedServer, members: number): Promise<MemberSoakResult[]> {
  return [
    await measureMemberSoak(server, 'node entry (undici)', {}, members),
    await measureMemberSoak(server, 'fetch exchange', { fetch: globalThis.fetch }, members),
  ];
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const server = await startFixedServer();
  try {
    for (const result of await runMemberSoak(server, 20_000)) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await server.close();
  }
}
