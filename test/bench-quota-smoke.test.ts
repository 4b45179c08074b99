import { describe, expect, it } from 'vitest';
import { measureLookupJob } from '../bench/coalesce-lookups.js';
import { measureRedisDedup } from '../bench/redis-dedup.js';
import { redisAvailable } from './support/redis.js';

// A small run of the issue 27 benchmarks, so neither rots; it checks correctness, never speed.
describe.skipIf(!redisAvailable())('issue 27 benchmarks, smoke run', () => {
  it('the lookup job answers every lookup with its own member, merged into a few requests with coalesce', async () => {
    const [plain, merged] = await measureLookupJob(40);
    for (const row of [plain!, merged!]) expect({ ok: row.ok, failed: row.failed, mismatched: row.mismatched }).toEqual({ ok: 40, failed: 0, mismatched: 0 });
    // Four processes, each a mint or a wait for the shared token, then one merged request of its 10 lookups.
    expect(merged!.requests).toBeLessThanOrEqual(5);
    expect(plain!.requests).toBeGreaterThanOrEqual(40);
  }, 120_000);

  // A worker killed between an event's side effect and its completion leaves that event to run again (at least
  // once); every other event runs exactly once.
  it('the Redis dedup job runs every event once, and again only if the killed worker was running it', async () => {
    const result = await measureRedisDedup(60);
    expect({ ranOnceOrTwice: result.ranOnce + result.ranTwice, neverRan: result.neverRan, ranTwiceElsewhere: result.ranTwiceElsewhere }).toEqual({
      ranOnceOrTwice: 60,
      neverRan: 0,
      ranTwiceElsewhere: 0,
    });
    expect(result.ranTwice).toBeLessThanOrEqual(result.inFlightAtKill);
    expect(result.dedupP99Ms).toBeGreaterThan(0);
  }, 120_000);
});
