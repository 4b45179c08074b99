import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCosts } from '../../generated/costs.js';
import { operationCostsOf } from '../../packages/tools/src/codegen/cost-plugin.js';
import { createTribeClient, evaluateStaticCost, TribeConfigError, type RateLimitStore, type TribeEvent } from '../../src/index.js';
import { createRateLimitStore } from '../../src/rate-limit-store/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator({ rateLimits: { burst: { windowMs: 10_000, requests: 100, complexity: 10_000 } } });
const schema = buildSchema(readFileSync('schema/tribe.graphql', 'utf8'));

/** A free-plan store that records what each call was charged before its answer, and each correction after it. */
function recordingStore(): { store: RateLimitStore; takes: number[]; charges: number[] } {
  const inner = createRateLimitStore({ plan: 'free' });
  const takes: number[] = [];
  const charges: number[] = [];
  return {
    takes,
    charges,
    store: {
      take: (key, cost) => {
        takes.push(cost.complexity);
        return inner.take(key, cost);
      },
      charge: (key, points) => {
        charges.push(points);
        return inner.charge(key, points);
      },
      restartWindow: (key) => inner.restartWindow!(key),
    },
  };
}

const APP_QUERY = `query recentPostTitles($limit: Int = 6) { posts(limit: $limit) { nodes { id title space { id name } } } }`;

describe('the rate limiter with static costs', () => {
  it('charges an SDK call its static cost before the first answer, sends a burst of first calls at once, and needs no correction', async () => {
    const { store, takes, charges } = recordingStore();
    const order: string[] = [];
    const onEvent = (event: TribeEvent) => {
      if ((event.type === 'request' || event.type === 'response') && event.operationName === 'posts') order.push(event.type);
    };
    const tribe = createTribeClient({ ...appOptions(emulator.current), rateLimit: store, onEvent });
    try {
      const expected = evaluateStaticCost(operationCosts.posts, { limit: 10 });
      expect(expected).toBe(2 + 10 * operationCosts.posts.pages[0].node.fixed);
      await Promise.all(Array.from({ length: 4 }, () => tribe.sdk.posts({ limit: 10 })));
      const mintless = takes.filter((cost) => cost !== 0);
      expect(mintless).toEqual([expected, expected, expected, expected]);
      expect(charges).toEqual([]);
      // Without a static cost the first call of a shape is a probe the others wait for; with one, all four go at once.
      expect(order.slice(0, 4)).toEqual(['request', 'request', 'request', 'request']);
    } finally {
      tribe.close();
    }
  });

  it("uses an app's own costs from its codegen, and still corrects a wrong figure from extensions.complexity", async () => {
    const ownCosts = Object.fromEntries(operationCostsOf(schema, [parse(APP_QUERY)]));
    const { store, takes, charges } = recordingStore();
    const tribe = createTribeClient({ ...appOptions(emulator.current), rateLimit: store, operationCosts: ownCosts });
    const wrong = recordingStore();
    const misled = createTribeClient({ ...appOptions(emulator.current), rateLimit: wrong.store, operationCosts: { recentPostTitles: { fixed: 3 } } });
    try {
      const atDefault = evaluateStaticCost(ownCosts.recentPostTitles!, {});
      expect(atDefault).toBe(2 + 6 * 2);
      await tribe.request(APP_QUERY);
      await tribe.request(APP_QUERY, { limit: 2 });
      expect(takes).toEqual([atDefault, 2 + 2 * 2]);
      expect(charges).toEqual([]);

      await misled.request(APP_QUERY);
      await misled.request(APP_QUERY);
      // Charged 3 up front, the reported 14 corrects it by 11, and the next call is charged what was reported.
      expect(wrong.takes).toEqual([3, atDefault]);
      expect(wrong.charges).toEqual([atDefault - 3]);
    } finally {
      tribe.close();
      misled.close();
    }
  });

  it('refuses operationCosts that are not costs codegen writes, before anything is sent', () => {
    for (const operationCosts of [{ posts: { fixed: -1 } }, { posts: { fixed: 1, pages: [{ variable: 'limit', fallback: 0, times: 1 }] } }, 'posts']) {
      expect(() => createTribeClient({ ...appOptions(emulator.current), operationCosts: operationCosts as never })).toThrow(TribeConfigError);
    }
  });
});
