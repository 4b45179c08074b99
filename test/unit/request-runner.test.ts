import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkDocument, CreatePostDocument } from '../../generated/sdk.js';
import { TribeAbortError, TribeAuthError, TribeNetworkError, TribeRateLimitError, type TribeEvent } from '../../src/index.js';
import { createGatewayRouter } from '../../src/client/gateway-router.js';
import { createRequestRunner } from '../../src/client/request-runner.js';
import { Scrubber } from '../../src/scrub.js';
import { DEFAULT_CALL, resolveCall, type TribeCallOptions } from '../../src/options/call-options.js';
import { plainTokenSource, scriptedExchange, type ScriptedAnswer } from './scripted-exchange.js';

const ENDPOINT = 'https://api.example.test/graphql';
const ok: ScriptedAnswer = { body: { data: { network: { id: 'net' } } } };
const unavailable: ScriptedAnswer = { status: 503, body: { errors: [{ message: 'down' }] } };
const rejected: ScriptedAnswer = { status: 401, body: { errors: [{ message: 'expired', code: '108' }] } };

/** A runner over a scripted exchange; tokens are minted by a counter, so `mints` counts them. */
function runnerWith(script: ScriptedAnswer[], options: TribeCallOptions = {}) {
  const exchange = scriptedExchange(script);
  const events: TribeEvent[] = [];
  let mints = 0;
  const tokens = plainTokenSource(async () => ({ accessToken: `token-${++mints}` }));
  const run = createRequestRunner({
    exchange,
    route: createGatewayRouter(ENDPOINT, []),
    tokens,
    networkId: 'net',
    call: resolveCall({ baseDelayMs: 100, maxDelayMs: 1_000, ...options }, DEFAULT_CALL),
    onEvent: (event) => events.push(event),
    now: Date.now,
    isClosed: () => false,
    scrubber: new Scrubber(['secret']),
  });
  return { run, exchange, events, mints: () => mints };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the request runner', () => {
  it('retries a 503 after a jittered backoff within [base/2, base], then succeeds', async () => {
    const { run, exchange, events } = runnerWith([unavailable, ok]);
    const result = run(NetworkDocument, undefined);
    await vi.advanceTimersByTimeAsync(49);
    expect(exchange.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(51);
    await expect(result).resolves.toEqual({ network: { id: 'net' } });
    expect(exchange.sent).toHaveLength(2);
    const retry = events.find((event) => event.type === 'retry');
    expect(retry).toMatchObject({ retry: 1, status: 503, errorCode: 'TRIBE_NETWORK' });
    expect((retry as { delayMs: number }).delayMs).toBeGreaterThanOrEqual(50);
    expect((retry as { delayMs: number }).delayMs).toBeLessThanOrEqual(100);
  });

  it('waits exactly the Retry-After of a 429, and gives TribeRateLimitError when retries run out', async () => {
    const limited: ScriptedAnswer = {
      status: 429,
      body: { errors: [{ message: 'slow down', code: '104' }] },
      headers: { 'retry-after': '0.5', 'x-quota-limit': '100' },
    };
    const { run, exchange } = runnerWith([limited, limited, limited], { maxRetries: 2 });
    const result = run(NetworkDocument, undefined).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(499);
    expect(exchange.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(exchange.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(500);
    const error = await result;
    expect(exchange.sent).toHaveLength(3);
    expect(error).toBeInstanceOf(TribeRateLimitError);
    expect(error).toMatchObject({ retryAfter: 0.5, quota: { 'x-quota-limit': '100' }, status: 429 });
  });

  it('does not retry a mutation unless retryMutations is set', async () => {
    const variables = { spaceId: 's', input: { postTypeId: 't' } };
    const once = runnerWith([unavailable, ok]);
    await expect(once.run(CreatePostDocument, variables)).rejects.toBeInstanceOf(TribeNetworkError);
    expect(once.exchange.sent).toHaveLength(1);
    const opted = runnerWith([unavailable, { body: { data: { createPost: { id: 'p' } } } }], { retryMutations: true });
    const result = opted.run(CreatePostDocument, variables);
    await vi.advanceTimersByTimeAsync(100);
    await expect(result).resolves.toEqual({ createPost: { id: 'p' } });
    expect(opted.exchange.sent).toHaveLength(2);
  });

  it('ends a backoff wait at once when the signal fires, with nothing more sent', async () => {
    const { run, exchange } = runnerWith([unavailable, ok], { baseDelayMs: 10_000, maxDelayMs: 10_000 });
    const controller = new AbortController();
    const result = run(NetworkDocument, undefined, { signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await result).toBeInstanceOf(TribeAbortError);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(exchange.sent).toHaveLength(1);
  });

  it('replaces a rejected token once and retries once; a second rejection is TribeAuthError', async () => {
    const recovered = runnerWith([rejected, ok]);
    await expect(recovered.run(NetworkDocument, undefined)).resolves.toEqual({ network: { id: 'net' } });
    expect(recovered.exchange.sent.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    const refused = runnerWith([rejected, rejected, ok]);
    await expect(refused.run(NetworkDocument, undefined)).rejects.toBeInstanceOf(TribeAuthError);
    expect(refused.exchange.sent).toHaveLength(2);
    expect(refused.mints()).toBe(2);
  });

  it('sends each call with one body, the lower-cased headers and its own bearer, the caller unable to replace it', async () => {
    const { run, exchange } = runnerWith([ok], { headers: { 'X-App': 'demo' } });
    await run(NetworkDocument, undefined, { headers: { Authorization: 'Bearer mine', 'X-Call': '1' } });
    const [request] = exchange.sent;
    expect(request!.url).toBe(ENDPOINT);
    expect(request!.headers).toMatchObject({ 'x-app': 'demo', 'x-call': '1', authorization: 'Bearer token-1', 'content-type': 'application/json' });
    expect(JSON.parse(request!.body)).toMatchObject({ operationName: 'network' });
  });
});
