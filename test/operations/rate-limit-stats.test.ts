import { afterAll, describe, expect, it } from 'vitest';
import { createTribeClient, type TribeClient } from '../../src/index.js';
import { DEFAULT_USAGE_WINDOWS } from '../../packages/tools/src/emulator/usage-counter.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

describe('apiRateLimitStats', () => {
  it("reports the emulator's own request counts for the network, in the burst and the daily window", async () => {
    const before = (await tribe().sdk.apiRateLimitStats()).apiRateLimitStats;
    expect(before.map(({ consumableType, duration, limit }) => ({ consumableType, duration, limit }))).toEqual(
      DEFAULT_USAGE_WINDOWS.map((window) => ({ consumableType: window.consumableType, duration: window.durationSeconds, limit: window.limit })),
    );
    expect(before.map((stat) => stat.limit)).toEqual([100, 50_000]);
    await tribe().sdk.network();
    await tribe().impersonate('MbrLinusT3').posts({ limit: 2 });
    await tribe().sdk.spaces({ limit: 1 });
    const sentAt = Date.now();
    const after = (await tribe().sdk.apiRateLimitStats()).apiRateLimitStats;
    after.forEach((stat, index) => {
      // Three calls and this one; the mints (HTTP Basic) are not counted.
      expect(stat.consumedPoints).toBe(before[index]!.consumedPoints + 4);
      expect(stat.remainingPoints).toBe(stat.limit - stat.consumedPoints);
      const resetsAt = Date.parse(stat.resetsAt);
      expect(resetsAt).toBeGreaterThan(sentAt - 1000);
      expect(resetsAt).toBeLessThanOrEqual(sentAt + stat.duration * 1000);
    });
    expect(emulator.current.store.usage.stats(emulator.current.networkId).map((stat) => stat.consumedPoints)).toEqual(
      after.map((stat) => stat.consumedPoints),
    );
  });
});
