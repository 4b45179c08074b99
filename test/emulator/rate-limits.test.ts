import { describe, expect, it } from 'vitest';
import { startOwnEmulator, useEmulator } from '../support/emulator.js';
import { asBearer, mintTokenRaw } from './raw-graphql.js';

const emulator = useEmulator();

const NETWORK = '{ network { id name } }';
const POSTS = '{ posts(limit: 5) { nodes { id } } }';

describe('extensions.complexity, by the documented formula', () => {
  it.each([
    ['an object with scalars', NETWORK, undefined, 1],
    [
      'a paginated field: 2 + page size x node cost (the node and two nested objects)',
      'query($n: Int!) { posts(limit: $n) { totalCount nodes { id title owner { member { id } } } } }',
      { n: 4 },
      2 + 4 * 3,
    ],
    ['a list of objects: 5 x the cost of its type', '{ spacesByIds(ids: ["none"]) { id } }', undefined, 5],
    [
      'a paginated field selected through a fragment on its edges',
      '{ posts(limit: 2) { ...P } } fragment P on PaginatedPost { edges { cursor node { id } } }',
      undefined,
      2 + 2 * 1,
    ],
    ['several root fields add up', '{ network { id } spacesByIds(ids: []) { id network { id } } }', undefined, 1 + 5 * 2],
  ])('%s', async (_, query, variables, expected) => {
    const token = await mintTokenRaw(emulator.current);
    const answer = await asBearer(emulator.current, token, query, variables);
    expect(answer.status).toBe(200);
    expect((answer.body as { extensions?: { complexity?: number } }).extensions?.complexity).toBe(expected);
  });

  it('is on the answers of an unlimited emulator as well as on the mint', async () => {
    const token = await mintTokenRaw(emulator.current);
    const answers = await Promise.all(Array.from({ length: 30 }, () => asBearer(emulator.current, token, NETWORK)));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(emulator.current.rateLimitedCount()).toBe(0);
  });
});

describe('rate limits', () => {
  it('refuses the request over the burst limit with 429, Retry-After and X-Quota-*, until the window ends', async () => {
    const limited = await startOwnEmulator({ rateLimits: { burst: { windowMs: 1000, requests: 3 } } });
    const token = await mintTokenRaw(limited);
    const first = await Promise.all([1, 2, 3].map(() => asBearer(limited, token, NETWORK)));
    expect(first.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const refused = await asBearer(limited, token, NETWORK);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.code).toBe('104');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('x-quota-type')).toBe('Request');
    expect(refused.headers.get('x-quota-limit')).toBe('3');
    expect(refused.headers.get('x-quota-remaining')).toBe('0');
    expect(refused.headers.get('x-quota-duration')).toBe('1');
    expect(Date.parse(refused.headers.get('x-quota-resets-at') ?? '')).toBeGreaterThan(Date.now() - 1000);
    expect(limited.rateLimitedCount()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await asBearer(limited, token, NETWORK)).status).toBe(200);
  });

  it('refuses a request whose complexity does not fit the window, and does not count mints', async () => {
    const limited = await startOwnEmulator({ rateLimits: { burst: { windowMs: 60_000, requests: 100, complexity: 15 } } });
    for (let mint = 0; mint < 5; mint++) await mintTokenRaw(limited);
    const token = await mintTokenRaw(limited);
    const statuses = [];
    for (let call = 0; call < 4; call++) statuses.push((await asBearer(limited, token, POSTS)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const refused = await asBearer(limited, token, POSTS);
    expect(refused.headers.get('x-quota-type')).toBe('Complexity');
    expect(refused.headers.get('x-quota-remaining')).toBe('1');
    expect(refused.headers.get('retry-after')).toMatch(/^(59|60)$/);
    expect((await asBearer(limited, token, NETWORK)).status).toBe(200);
  });

  it('keeps a daily window, to which refused requests count too', async () => {
    const limited = await startOwnEmulator({ rateLimits: { burst: { windowMs: 60_000, requests: 2 }, daily: { windowMs: 3_600_000, requests: 4 } } });
    const token = await mintTokenRaw(limited);
    const statuses = [];
    for (let call = 0; call < 5; call++) statuses.push((await asBearer(limited, token, NETWORK)).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    limited.setRateLimits({ daily: { windowMs: 3_600_000, requests: 1 } });
    expect((await asBearer(limited, token, NETWORK)).status).toBe(200);
    const refused = await asBearer(limited, token, NETWORK);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-quota-duration')).toBe('3600');
  });
});
