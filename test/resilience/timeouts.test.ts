import { describe, expect, it } from 'vitest';
import { createTribeClient, mintAccessToken, TribeAbortError, TribeTimeoutError, type TribeClientOptions } from '../../src/index.js';
import { watchForLeaks } from '../support/leak-watch.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
const leaks = watchForLeaks(emulator);

function client(extra: Partial<TribeClientOptions> = {}) {
  return createTribeClient({ ...appOptions(emulator.current), onEvent: leaks.current.onEvent, ...extra });
}

describe('timeouts', () => {
  it('gives TribeTimeoutError within the timeout plus a small slack when the server hangs', async () => {
    const tribe = client();
    await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'network', hang: true });
    const started = performance.now();
    const error = await leaks.current.failure(tribe.withOptions({ timeoutMs: 300 }).network());
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TribeTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300 });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + 3_000);
  });

  it('applies a per-call timeout from withOptions', async () => {
    const tribe = client({ timeoutMs: 10_000 });
    await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'network', delayMs: 2_000 });
    expect(await leaks.current.failure(tribe.withOptions({ timeoutMs: 200 }).network())).toBeInstanceOf(TribeTimeoutError);
  });

  it('times out a hanging mint too', async () => {
    emulator.current.injectFault({ operation: 'limitedToken', hang: true });
    expect(await leaks.current.failure(client({ timeoutMs: 200 }).getAccessToken())).toBeInstanceOf(TribeTimeoutError);
  });
});

describe('cancellation', () => {
  it('gives TribeAbortError when the caller aborts an in-flight request', async () => {
    const tribe = client();
    await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'network', hang: true });
    const controller = new AbortController();
    const call = tribe.sdk.network(undefined, undefined, controller.signal);
    setTimeout(() => controller.abort(), 50);
    const error = await leaks.current.failure(call);
    expect(error).toBeInstanceOf(TribeAbortError);
    expect(error).not.toBeInstanceOf(TribeTimeoutError);
  });

  it('gives TribeAbortError when aborted while waiting to retry', async () => {
    const tribe = client();
    await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'network', status: 429, retryAfter: '10' });
    const controller = new AbortController();
    const started = performance.now();
    const call = tribe.withOptions({ signal: controller.signal }).network();
    setTimeout(() => controller.abort(), 100);
    expect(await leaks.current.failure(call)).toBeInstanceOf(TribeAbortError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('gives TribeAbortError at once when the per-call signal fires during a retry wait or a mint', async () => {
    emulator.current.injectFault({ operation: 'limitedToken', hang: true, times: 1 });
    const waitingForMint = new AbortController();
    const minting = client().sdk.network(undefined, undefined, waitingForMint.signal);
    setTimeout(() => waitingForMint.abort(), 100);
    expect(await leaks.current.failure(minting)).toBeInstanceOf(TribeAbortError);
    const tribe = client();
    await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'network', status: 429, retryAfter: '10' });
    const waitingToRetry = new AbortController();
    const started = performance.now();
    const call = tribe.sdk.network(undefined, undefined, waitingToRetry.signal);
    setTimeout(() => waitingToRetry.abort(), 100);
    expect(await leaks.current.failure(call)).toBeInstanceOf(TribeAbortError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('lets one caller abandon a shared mint while the others still get the token', async () => {
    emulator.current.injectFault({ operation: 'limitedToken', delayMs: 1_500, times: 1 });
    const tribe = client();
    const controller = new AbortController();
    const abandoned = tribe.withOptions({ signal: controller.signal }).network();
    const kept = tribe.sdk.network();
    setTimeout(() => controller.abort(), 50);
    expect(await leaks.current.failure(abandoned)).toBeInstanceOf(TribeAbortError);
    expect((await kept).network.id).toBe(emulator.current.networkId);
    expect(emulator.current.requestCount('limitedToken')).toBe(1);
  });

  it('aborts mintAccessToken through its signal', async () => {
    emulator.current.injectFault({ operation: 'limitedToken', hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await leaks.current.failure(mintAccessToken({ ...appOptions(emulator.current), signal: controller.signal }));
    expect(error).toBeInstanceOf(TribeAbortError);
  });
});
