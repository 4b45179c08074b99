import { describe, expect, it } from 'vitest';
import { createTribeClient, TribeNetworkError, TribeRateLimitError, type TribeClientOptions } from '../../src/index.js';
import { watchForLeaks } from '../support/leak-watch.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
const leaks = watchForLeaks(emulator);

function client(extra: Partial<TribeClientOptions> = {}) {
  return createTribeClient({ ...appOptions(emulator.current), onEvent: leaks.current.onEvent, baseDelayMs: 5, ...extra });
}

const newPost = {
  spaceId: 'SpcGeneral',
  input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [{ key: 'title', type: 'text' as const, value: '"Exactly once"' }] },
};

function postsTitled(title: string): number {
  return emulator.current.store.data.posts.filter((post) => post.title === title).length;
}

describe('rate limits', () => {
  it('honours Retry-After in seconds and succeeds after at least that long', async () => {
    const tribe = client();
    await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'network', status: 429, retryAfter: '1', times: 1 });
    const started = performance.now();
    const { network } = await tribe.sdk.network();
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(network.id).toBe(emulator.current.networkId);
    expect(emulator.current.requestCount('network')).toBe(2);
    expect(leaks.current.events.find((event) => event.type === 'retry')).toMatchObject({ delayMs: 1_000, status: 429 });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const tribe = client();
    await tribe.getAccessToken();
    const retryAt = new Date(Math.ceil((Date.now() + 2_000) / 1_000) * 1_000);
    emulator.current.injectFault({ operation: 'network', status: 429, retryAfter: retryAt.toUTCString(), times: 1 });
    await tribe.sdk.network();
    expect(Date.now()).toBeGreaterThanOrEqual(retryAt.getTime() - 5);
    const retry = leaks.current.events.find((event) => event.type === 'retry');
    expect(retry?.type === 'retry' && retry.delayMs).toBeGreaterThan(500);
  });

  it('throws TribeRateLimitError with retryAfter and the quota headers when retries run out', async () => {
    const tribe = client({ maxRetries: 1 });
    await tribe.getAccessToken();
    emulator.current.injectFault({
      operation: 'network',
      status: 429,
      retryAfter: '0',
      headers: { 'X-Quota-Type': 'burst', 'X-Quota-Limit': '100', 'X-Quota-Remaining': '0' },
    });
    const error = await leaks.current.failure(tribe.sdk.network());
    expect(error).toBeInstanceOf(TribeRateLimitError);
    expect(error).toMatchObject({ retryAfter: 0, status: 429, quota: { 'x-quota-type': 'burst', 'x-quota-limit': '100', 'x-quota-remaining': '0' } });
    expect(emulator.current.requestCount('network')).toBe(2);
  });

  it('gives up at once when Retry-After is beyond maxDelayMs', async () => {
    const tribe = client({ maxDelayMs: 500 });
    await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'network', status: 429, retryAfter: '60' });
    expect(await leaks.current.failure(tribe.sdk.network())).toMatchObject({ retryAfter: 60 });
    expect(emulator.current.requestCount('network')).toBe(1);
  });
});

describe('server and network errors', () => {
  it.each([502, 503, 504])('retries a query after HTTP %i with backoff', async (status) => {
    const tribe = client();
    emulator.current.injectFault({ operation: 'network', status, times: 2 });
    await tribe.sdk.network();
    expect(emulator.current.requestCount('network')).toBe(3);
    const delays = leaks.current.events.flatMap((event) => (event.type === 'retry' ? [event.delayMs] : []));
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(2.5);
    expect(delays[1]).toBeGreaterThanOrEqual(5);
  });

  it('does not retry HTTP 500', async () => {
    const tribe = client();
    emulator.current.injectFault({ operation: 'network', status: 500 });
    expect(await leaks.current.failure(tribe.sdk.network())).toMatchObject({ code: 'TRIBE_NETWORK', status: 500 });
    expect(emulator.current.requestCount('network')).toBe(1);
  });

  it('retries a dropped connection and throws TribeNetworkError after maxRetries', async () => {
    const tribe = client({ maxRetries: 3 });
    await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'network', drop: true });
    expect(await leaks.current.failure(tribe.sdk.network())).toBeInstanceOf(TribeNetworkError);
    expect(emulator.current.requestCount('network')).toBe(4);
  });

  it('retries the mint itself on a 503', async () => {
    emulator.current.injectFault({ operation: 'limitedToken', status: 503, times: 1 });
    await client().sdk.network();
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
  });
});

describe('mutations', () => {
  it('are not retried after a 503 by default, so a post is never written twice', async () => {
    const tribe = client();
    await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'createPost', status: 503, times: 1 });
    expect(await leaks.current.failure(tribe.sdk.createPost(newPost))).toMatchObject({ code: 'TRIBE_NETWORK', status: 503 });
    expect(emulator.current.requestCount('createPost')).toBe(1);
    expect(postsTitled('Exactly once')).toBe(0);
  });

  it('are retried when the client opts in, and the emulator holds one post, not two', async () => {
    const tribe = client({ retryMutations: true });
    emulator.current.injectFault({ operation: 'createPost', status: 503, times: 1 });
    const { createPost } = await tribe.sdk.createPost({
      ...newPost,
      input: { ...newPost.input, mappingFields: [{ key: 'title', type: 'text', value: '"Client opt-in"' }] },
    });
    expect(createPost.title).toBe('Client opt-in');
    expect(emulator.current.requestCount('createPost')).toBe(2);
    expect(postsTitled('Client opt-in')).toBe(1);
  });

  it('are retried when one call opts in through withOptions, and only that call', async () => {
    const tribe = client();
    emulator.current.injectFault({ operation: 'createPost', status: 503, times: 2 });
    const input = { ...newPost.input, mappingFields: [{ key: 'title', type: 'text' as const, value: '"Call opt-in"' }] };
    await leaks.current.failure(tribe.sdk.createPost({ ...newPost, input }));
    await tribe.withOptions({ retryMutations: true }).createPost({ ...newPost, input });
    expect(emulator.current.requestCount('createPost')).toBe(3);
    expect(postsTitled('Call opt-in')).toBe(1);
  });
});
