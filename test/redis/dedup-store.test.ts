import { describe, expect, it } from 'vitest';
import { TribeConfigError, type TribeEvent } from '../../src/index.js';
import { createRedisDedupStore, type RedisClientLike } from '../../src/redis/index.js';
import { createWebhookHandler, toNodeListener, type WebhookDedupStore } from '../../src/webhooks/index.js';
import { serveOnLoopback } from '../webhooks/handler-server.js';
import { platformSign, subscriptionBody } from '../webhooks/signed.js';
import { redisAvailable, startRedis, useRedis } from '../support/redis.js';
import { CLIENT_KINDS, useClients } from './clients.js';

const available = redisAvailable();
const redis = useRedis();
const SECRET = 'whsec-dedup-test';

/** One webhook worker over real HTTP with the given dedup store; `runs` counts the event ids its handler ran to the end. */
async function worker(dedupStore: WebhookDedupStore, hold?: Promise<void>) {
  const runs: string[] = [];
  const handler = createWebhookHandler({
    signingSecret: SECRET,
    dedupStore,
    onAny: async (event) => {
      await hold;
      runs.push((event.data as { id: string }).id);
    },
  });
  const url = await serveOnLoopback(toNodeListener(handler));
  const deliver = async (body: string): Promise<{ status: number; answer: string }> => {
    const response = await fetch(url, { method: 'POST', headers: platformSign(body, SECRET), body });
    return { status: response.status, answer: await response.text() };
  };
  return { runs, deliver };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!available).each(Object.keys(CLIENT_KINDS) as (keyof typeof CLIENT_KINDS)[])('the Redis webhook dedup store with a %s client', (kind) => {
  const connect = useClients(kind, () => redis.current.url);
  let prefixCount = 0;
  const prefix = (): string => `dedup-${kind}-${++prefixCount}-${Date.now()}:`;

  it('runs an event once across two workers, and remembers it done for the 15-minute replay window', async () => {
    const own = prefix();
    const a = await worker(createRedisDedupStore({ client: (await connect()).client, prefix: own }));
    const b = await worker(createRedisDedupStore({ client: (await connect()).client, prefix: own }));
    const body = subscriptionBody('post.published', 'EvtOnce0001');
    expect((await a.deliver(body)).status).toBe(200);
    const again = await b.deliver(body);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.answer)).toMatchObject({ type: 'SUBSCRIPTION', status: 'SUCCEEDED' });
    expect((await a.deliver(body)).status).toBe(200);
    expect([...a.runs, ...b.runs]).toEqual(['EvtOnce0001']);
    const { raw } = await connect();
    expect(await raw.get(`${own}webhook-dedup:NetAcme001:EvtOnce0001`)).toBe('done');
    expect(await raw.pttl(`${own}webhook-dedup:NetAcme001:EvtOnce0001`)).toBeGreaterThan(15 * 60_000 - 5_000);
  });

  it('answers a redelivery 5xx while another worker runs the event, and as a duplicate once that one completed', async () => {
    const own = prefix();
    let finish!: () => void;
    const a = await worker(createRedisDedupStore({ client: (await connect()).client, prefix: own }), new Promise<void>((resolve) => (finish = resolve)));
    const b = await worker(createRedisDedupStore({ client: (await connect()).client, prefix: own }));
    const body = subscriptionBody('post.published', 'EvtBusy0001');
    const first = a.deliver(body);
    const { raw } = await connect();
    await waitUntil(async () => (await raw.get(`${own}webhook-dedup:NetAcme001:EvtBusy0001`))?.startsWith('claim:') === true);
    expect((await b.deliver(body)).status).toBeGreaterThanOrEqual(500);
    finish();
    expect((await first).status).toBe(200);
    expect((await b.deliver(body)).status).toBe(200);
    expect([...a.runs, ...b.runs]).toEqual(['EvtBusy0001']);
  });

  it('runs an event whose worker died holding the claim once the claim timed out, and an event whose handler failed at the next delivery', async () => {
    const own = prefix();
    const claimTimeoutMs = 400;
    const dead = createRedisDedupStore({ client: (await connect()).client, prefix: own, claimTimeoutMs });
    expect(await dead.claim('NetAcme001:EvtDead0001', 1_000)).toBe(true);
    const b = await worker(createRedisDedupStore({ client: (await connect()).client, prefix: own, claimTimeoutMs }));
    const body = subscriptionBody('post.published', 'EvtDead0001');
    expect((await b.deliver(body)).status).toBeGreaterThanOrEqual(500);
    expect(b.runs).toEqual([]);
    const { raw } = await connect();
    const left = await raw.pttl(`${own}webhook-dedup:NetAcme001:EvtDead0001`);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(claimTimeoutMs);
    await waitUntil(async () => (await raw.get(`${own}webhook-dedup:NetAcme001:EvtDead0001`)) === null);
    expect((await b.deliver(body)).status).toBe(200);
    expect(b.runs).toEqual(['EvtDead0001']);

    let failures = 1;
    const flaky = createWebhookHandler({
      signingSecret: SECRET,
      dedupStore: createRedisDedupStore({ client: (await connect()).client, prefix: own }),
      onAny: () => {
        if (failures-- > 0) throw new Error('handler failed');
      },
    });
    const failing = subscriptionBody('post.published', 'EvtFail0001');
    const send = () => flaky(new Request('http://127.0.0.1/webhook', { method: 'POST', headers: platformSign(failing, SECRET), body: failing }));
    expect((await send()).status).toBe(500);
    expect(await raw.get(`${own}webhook-dedup:NetAcme001:EvtFail0001`)).toBeNull();
    expect((await b.deliver(failing)).status).toBe(200);
    expect(b.runs).toEqual(['EvtDead0001', 'EvtFail0001']);
  });

  it('releases only its own claim: an expired claim taken over by another worker stays', async () => {
    const own = prefix();
    const first = createRedisDedupStore({ client: (await connect()).client, prefix: own, claimTimeoutMs: 100 });
    const second = createRedisDedupStore({ client: (await connect()).client, prefix: own, claimTimeoutMs: 60_000 });
    expect(await first.claim('N:E1', 1_000)).toBe(true);
    const { raw } = await connect();
    await waitUntil(async () => (await raw.get(`${own}webhook-dedup:N:E1`)) === null);
    expect(await second.claim('N:E1', 1_000)).toBe(true);
    await first.release('N:E1');
    expect(await second.claim('N:E1', 1_000)).toBe('in-progress');
  });
});

describe.skipIf(!available)('the Redis webhook dedup store over a Redis that goes away', () => {
  const connect = useClients('redis', () => '');

  it('goes on with a local store at once, reports one local-fallback event, and still runs each event once in this worker', async () => {
    const down = await startRedis();
    const events: TribeEvent[] = [];
    const store = createRedisDedupStore({ client: (await connect(down.url)).client, commandTimeoutMs: 200, onEvent: (event) => events.push(event) });
    const a = await worker(store);
    await down.stop();
    const started = Date.now();
    const body = subscriptionBody('post.published', 'EvtDown0001');
    expect((await a.deliver(body)).status).toBe(200);
    expect((await a.deliver(body)).status).toBe(200);
    expect((await a.deliver(subscriptionBody('post.published', 'EvtDown0002'))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(a.runs).toEqual(['EvtDown0001', 'EvtDown0002']);
    expect(events).toEqual([{ type: 'local-fallback', part: 'webhook-dedup', networkId: 'NetAcme001' }]);
  });

  it('refuses bad options before any command', () => {
    const client: RedisClientLike = { call: async () => 'OK' };
    expect(() => createRedisDedupStore({ client, claimTimeoutMs: 0 })).toThrow(TribeConfigError);
    expect(() => createRedisDedupStore({ client, prefix: 'has space ' })).toThrow(TribeConfigError);
    expect(() => createRedisDedupStore({ client: {} as RedisClientLike })).toThrow(TribeConfigError);
    expect(() => createRedisDedupStore({ client, onEvent: 'no' as never })).toThrow(TribeConfigError);
  });
});
