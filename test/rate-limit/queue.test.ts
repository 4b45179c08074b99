import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { TribeAbortError } from '../../src/index.js';
import { complexityBounds } from '../../src/rate-limit/estimate-complexity.js';
import { RateLimitQueue } from '../../src/rate-limit/rate-limit-queue.js';
import type { RateLimitStore } from '../../src/rate-limit/rate-limit-store.js';
import { createRateLimitStore } from '../../src/rate-limit-store/index.js';

const one = { requests: 1, complexity: 0 };

function recorder() {
  const waits: Array<{ operationName: string; waitMs: number }> = [];
  const fallbacks: string[] = [];
  return {
    waits,
    fallbacks,
    events: {
      onWait: (_: string, operationName: string, waitMs: number) => waits.push({ operationName, waitMs }),
      onFallbackChange: (key: string, fallback: boolean) => fallbacks.push(`${key}:${fallback}`),
    },
  };
}

describe('the rate limit queue', () => {
  it('holds the calls over the window until it ends, first come first served, and reports each delayed call once', async () => {
    const { waits, events } = recorder();
    const queue = new RateLimitQueue(createRateLimitStore({ requests: 2, complexity: 100, windowMs: 1000, marginMs: 0 }), events);
    const started = Date.now();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((call) => queue.acquire('net', one, `op${call}`, undefined).then(() => order.push(call))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(waits.map((wait) => wait.operationName)).toEqual(['op3', 'op4']);
    expect(waits[0]!.waitMs).toBeGreaterThan(500);
  });

  it('takes an aborted call out of the line at once, and the others still go', async () => {
    const { events } = recorder();
    const queue = new RateLimitQueue(createRateLimitStore({ requests: 1, complexity: 100, windowMs: 1000, marginMs: 0 }), events);
    await queue.acquire('net', one, 'first', undefined);
    const controller = new AbortController();
    const aborted = queue.acquire('net', one, 'aborted', controller.signal);
    const after = queue.acquire('net', one, 'after', undefined);
    setTimeout(() => controller.abort(new Error('stop')), 50);
    const started = Date.now();
    await expect(aborted).rejects.toBeInstanceOf(TribeAbortError);
    expect(Date.now() - started).toBeLessThan(500);
    await after;
    await expect(queue.acquire('net', one, 'late', AbortSignal.abort())).rejects.toBeInstanceOf(TribeAbortError);
  });

  it('lets calls go when the store fails or answers nonsense, and reports a fallback once', async () => {
    const { fallbacks, events } = recorder();
    let answer: unknown = { granted: true, fallback: true };
    const store: RateLimitStore = {
      take: async () => (typeof answer === 'function' ? (answer as () => never)() : (answer as never)),
      charge: async () => undefined,
    };
    const queue = new RateLimitQueue(store, events);
    await queue.acquire('net', one, 'a', undefined);
    await queue.acquire('net', one, 'b', undefined);
    expect(fallbacks).toEqual(['net:true']);
    answer = () => {
      throw new Error('broken store');
    };
    await queue.acquire('net', one, 'c', undefined);
    answer = 'yes';
    await queue.acquire('net', one, 'd', undefined);
    answer = { granted: false, retryInMs: Number.NaN };
    const started = Date.now();
    setTimeout(() => (answer = { granted: true }), 100);
    await queue.acquire('net', one, 'e', undefined);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('the complexity bounds from the document alone (objects or lists, which it cannot tell apart)', () => {
  it.each([
    ['{ network { id name } }', undefined, { low: 1, high: 5 }],
    ['query($n: Int!) { posts(limit: $n) { nodes { id owner { member { id } } } } }', { n: 4 }, { low: 2 + 4 * 3, high: 2 + 4 * (1 + 5 * (1 + 5)) }],
    ['{ posts(limit: 2) { ...P } } fragment P on PaginatedPost { edges { node { id } } }', undefined, { low: 2 + 2, high: 2 + 2 }],
    ['query { ... on Query { spacesByIds(ids: []) { id } } }', undefined, { low: 1, high: 5 }],
  ])('%s', (query, variables, expected) => {
    expect(complexityBounds(parse(query), variables)).toEqual(expected);
  });
});
