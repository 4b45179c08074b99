import { describe, expect, it } from 'vitest';
import { TribeConfigError } from '../../src/index.js';
import { createRateLimitStore, RATE_LIMIT_PLANS, type RateLimitStoreOptions } from '../../src/rate-limit-store/index.js';
import { CLIENT_KINDS, useClients } from '../redis/clients.js';
import { redisAvailable, startRedis, useRedis } from '../support/redis.js';

const available = redisAvailable();
const redis = useRedis();

const one = { requests: 1, complexity: 0 };

describe('the in-memory rate limit store', () => {
  it('grants the requests of a window, then says how long until the next', async () => {
    const store = createRateLimitStore({ requests: 3, complexity: 100, windowMs: 1000, marginMs: 0 });
    const grants = [];
    for (let call = 0; call < 4; call++) grants.push(await store.take('net', one));
    expect(grants.slice(0, 3).every((grant) => grant.granted)).toBe(true);
    const refused = grants[3]!;
    expect(refused.granted).toBe(false);
    expect(!refused.granted && refused.retryInMs).toBeGreaterThan(800);
    expect((await store.take('other network', one)).granted).toBe(true);
  });

  it('counts complexity too, gives back the request of a call refused for complexity, and charges the rest later', async () => {
    const store = createRateLimitStore({ requests: 3, complexity: 10, windowMs: 60_000 });
    expect((await store.take('net', { requests: 1, complexity: 5 })).granted).toBe(true);
    expect((await store.take('net', { requests: 1, complexity: 6 })).granted).toBe(false);
    expect((await store.take('net', { requests: 1, complexity: 5 })).granted).toBe(true);
    await store.charge('net', -5);
    expect((await store.take('net', { requests: 1, complexity: 5 })).granted).toBe(true);
    expect((await store.take('net', one)).granted).toBe(false);
  });

  it('says which take opened the window, and restarts the window from now keeping its count', async () => {
    const store = createRateLimitStore({ requests: 1, complexity: 100, windowMs: 1000, marginMs: 0 });
    expect(await store.take('net', one)).toMatchObject({ granted: true, firstInWindow: true });
    await new Promise((resolve) => setTimeout(resolve, 600));
    await store.restartWindow!('net');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await store.take('net', one)).granted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await store.take('net', one)).toMatchObject({ granted: true, firstInWindow: true });
  });

  it('has the documented plans', () => {
    expect(RATE_LIMIT_PLANS.free).toEqual({ requests: 100, complexity: 10_000, windowMs: 10_000 });
    expect(RATE_LIMIT_PLANS.addon).toEqual({ requests: 200, complexity: 20_000, windowMs: 10_000 });
    expect(() => createRateLimitStore({ plan: 'free' })).not.toThrow();
  });

  it.each<[string, RateLimitStoreOptions]>([
    ['no limits', {}],
    ['an unknown plan', { plan: 'gold' as never }],
    ['a fractional request limit', { plan: 'free', requests: 1.5 }],
    ['a window under a second', { plan: 'free', windowMs: 500 }],
    ['a negative margin', { plan: 'free', marginMs: -1 }],
    ['a redis that is not a client', { plan: 'free', redis: 'redis://x' as never }],
  ])('refuses %s with TribeConfigError', (_, options) => {
    expect(() => createRateLimitStore(options)).toThrow(TribeConfigError);
  });
});

describe.skipIf(!available).each(Object.keys(CLIENT_KINDS) as (keyof typeof CLIENT_KINDS)[])('the rate limit store in Redis with a %s client', (kind) => {
  const connect = useClients(kind, () => redis.current.url);
  let count = 0;
  const prefix = (): string => `rate-${kind}-${++count}-${Date.now()}:`;

  it('shares one budget between stores, with a window of a second plus the margin', async () => {
    const shared = prefix();
    const options = { requests: 3, complexity: 100, windowMs: 1000, marginMs: 300, prefix: shared };
    const a = createRateLimitStore({ ...options, redis: (await connect()).client });
    const b = createRateLimitStore({ ...options, redis: (await connect()).client });
    const grants = [await a.take('net', one), await b.take('net', one), await a.take('net', one), await b.take('net', one)];
    expect(grants.map((grant) => grant.granted)).toEqual([true, true, true, false]);
    const refused = grants[3]!;
    expect(refused.fallback).toBeUndefined();
    expect(!refused.granted && refused.retryInMs).toBeGreaterThan(1000);
    expect(!refused.granted && refused.retryInMs).toBeLessThanOrEqual(1300);
    await b.charge('net', 0);
  });

  it('restarts a shared window from now', async () => {
    const store = createRateLimitStore({ requests: 1, complexity: 100, windowMs: 1000, marginMs: 0, prefix: prefix(), redis: (await connect()).client });
    expect(await store.take('net', one)).toMatchObject({ granted: true, firstInWindow: true });
    await new Promise((resolve) => setTimeout(resolve, 600));
    await store.restartWindow!('net');
    const refused = await store.take('net', one);
    expect(!refused.granted && refused.retryInMs).toBeGreaterThan(800);
  });

  it('takes both counters or neither: a call refused for complexity costs no request', async () => {
    const store = createRateLimitStore({ requests: 2, complexity: 10, windowMs: 60_000, prefix: prefix(), redis: (await connect()).client });
    expect((await store.take('net', { requests: 1, complexity: 8 })).granted).toBe(true);
    expect((await store.take('net', { requests: 1, complexity: 5 })).granted).toBe(false);
    expect((await store.take('net', { requests: 1, complexity: 2 })).granted).toBe(true);
    expect((await store.take('net', one)).granted).toBe(false);
  });

  it('gives back only to the window a call was taken from, never to the one after it', async () => {
    const options = { requests: 10, complexity: 10, windowMs: 1000, marginMs: 0, prefix: prefix() };
    const a = createRateLimitStore({ ...options, redis: (await connect()).client });
    const b = createRateLimitStore({ ...options, redis: (await connect()).client });
    const first = await a.take('net', { requests: 1, complexity: 10 });
    expect(first).toMatchObject({ granted: true, firstInWindow: true, window: expect.any(String) });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await b.take('net', { requests: 1, complexity: 10 });
    expect(second).toMatchObject({ granted: true, firstInWindow: true });
    expect(second.granted && second.window).not.toBe(first.granted && first.window);
    // The first call's excess, given back late: its window ended, so the new one stays full.
    await a.charge('net', -10, first.granted ? first.window : undefined);
    await a.restartWindow!('net', first.granted ? first.window : undefined);
    expect((await b.take('net', { requests: 1, complexity: 1 })).granted).toBe(false);
    const refused = await b.take('net', { requests: 1, complexity: 1 });
    expect(!refused.granted && refused.retryInMs).toBeLessThan(1_000);
    // Given back to its own window, it counts.
    await b.charge('net', -10, second.granted ? second.window : undefined);
    expect((await a.take('net', { requests: 1, complexity: 10 })).granted).toBe(true);
  });

  it('answers from local counters, marked fallback, when Redis goes away, within the command timeout', async () => {
    const own = await startRedis();
    const store = createRateLimitStore({
      requests: 2,
      complexity: 100,
      windowMs: 60_000,
      prefix: prefix(),
      redis: (await connect(own.url)).client,
      commandTimeoutMs: 200,
    });
    expect(await store.take('net', one)).toMatchObject({ granted: true });
    await own.stop();
    const started = Date.now();
    expect(await store.take('net', one)).toMatchObject({ granted: true, fallback: true });
    expect(await store.take('net', one)).toMatchObject({ granted: true, fallback: true });
    expect((await store.take('net', one)).granted).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
