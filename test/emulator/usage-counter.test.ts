import { describe, expect, it } from 'vitest';
import { UsageCounter } from '../../packages/tools/src/emulator/usage-counter.js';

const T0 = Date.parse('2026-01-05T09:00:00.000Z');

describe('UsageCounter', () => {
  const counter = () =>
    new UsageCounter([
      { consumableType: 'Request', durationSeconds: 10, limit: 3 },
      { consumableType: 'Request', durationSeconds: 60, limit: 5 },
    ]);

  it('counts per network, in windows that start with their first request and reset once they pass', () => {
    const usage = counter();
    usage.record('NetA', T0);
    usage.record('NetA', T0 + 4_000);
    usage.record('NetB', T0 + 5_000);
    expect(usage.stats('NetA', T0 + 9_000)).toEqual([
      { consumableType: 'Request', consumedPoints: 2, duration: 10, limit: 3, remainingPoints: 1, resetsAt: '2026-01-05T09:00:10.000Z' },
      { consumableType: 'Request', consumedPoints: 2, duration: 60, limit: 5, remainingPoints: 3, resetsAt: '2026-01-05T09:01:00.000Z' },
    ]);
    expect(usage.stats('NetB', T0 + 9_000).map((stat) => stat.consumedPoints)).toEqual([1, 1]);
    usage.record('NetA', T0 + 12_000);
    expect(usage.stats('NetA', T0 + 12_000).map((stat) => [stat.consumedPoints, stat.resetsAt])).toEqual([
      [1, '2026-01-05T09:00:22.000Z'],
      [3, '2026-01-05T09:01:00.000Z'],
    ]);
  });

  it('never reports fewer than 0 points remaining, and nothing consumed for a network it never saw', () => {
    const usage = counter();
    for (let index = 0; index < 4; index += 1) usage.record('NetA', T0 + index);
    expect(usage.stats('NetA', T0 + 5)[0]).toMatchObject({ consumedPoints: 4, remainingPoints: 0 });
    expect(usage.stats('NetC', T0)).toMatchObject([
      { consumedPoints: 0, remainingPoints: 3, resetsAt: '2026-01-05T09:00:10.000Z' },
      { consumedPoints: 0, remainingPoints: 5 },
    ]);
    usage.clear();
    expect(usage.stats('NetA', T0 + 5)[0]!.consumedPoints).toBe(0);
  });
});
