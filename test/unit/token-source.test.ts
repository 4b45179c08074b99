import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryTokenCache, TribeAbortError, TribeAuthError, type TribeEvent } from '../../src/index.js';
import { TokenSource } from '../../src/auth/token-source.js';
import { mintToken } from '../../src/client/mint.js';
import { DEFAULT_CALL } from '../../src/options/call-options.js';
import { Scrubber } from '../../src/scrub.js';
import { mintAnswer, plainTokenSource, scriptedExchange, tokenExpiringAt, type ScriptedAnswer } from './scripted-exchange.js';

const app = { clientId: 'app', clientSecret: 'secret', networkId: 'net', endpoint: 'https://api.example.test/graphql' };

/** A token source minting through a scripted exchange, on the fake clock. */
function sourceWith(script: ScriptedAnswer[], refreshMarginMs = 60_000) {
  const exchange = scriptedExchange(script);
  const events: TribeEvent[] = [];
  const call = { ...DEFAULT_CALL, policy: { ...DEFAULT_CALL.policy, maxRetries: 0 } };
  const tokens = new TokenSource({
    mint: (memberId) => mintToken(app, memberId, { exchange, call, now: Date.now, onEvent: undefined, scrubber: new Scrubber() }, undefined),
    store: { kind: 'local', cache: new MemoryTokenCache() },
    keyParts: [app.endpoint, app.clientId, app.networkId],
    networkId: app.networkId,
    refreshMarginMs,
    now: Date.now,
    onEvent: (event) => events.push(event),
  });
  return { tokens, exchange, events, mints: () => exchange.sent.length };
}

const LOOKUP = { timeoutMs: 1_000 };
const T0 = Date.parse('2026-12-01T00:00:00Z');
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('TokenSource', () => {
  it('shares one mint among 100 parallel callers and then answers from the cache', async () => {
    const token = tokenExpiringAt(T0 / 1000 + 3600);
    const { tokens, mints, exchange } = sourceWith([mintAnswer(token)]);
    const got = await Promise.all(Array.from({ length: 100 }, () => tokens.get(undefined, LOOKUP)));
    expect(new Set(got.map((entry) => entry.accessToken))).toEqual(new Set([token]));
    expect(mints()).toBe(1);
    expect(exchange.sent[0]!.headers.authorization).toMatch(/^Basic /);
    await tokens.get(undefined, LOOKUP);
    expect(mints()).toBe(1);
  });

  it('refreshes at exp minus the margin, not a millisecond before', async () => {
    const first = tokenExpiringAt(T0 / 1000 + 3600, 'first');
    const second = tokenExpiringAt(T0 / 1000 + 7200, 'second');
    const { tokens, mints, events } = sourceWith([mintAnswer(first), mintAnswer(second)], 60_000);
    expect((await tokens.get(undefined, LOOKUP)).accessToken).toBe(first);
    vi.setSystemTime(T0 + 3_600_000 - 60_000 - 1);
    expect((await tokens.get(undefined, LOOKUP)).accessToken).toBe(first);
    vi.setSystemTime(T0 + 3_600_000 - 60_000);
    expect((await tokens.get(undefined, LOOKUP)).accessToken).toBe(second);
    expect(mints()).toBe(2);
    expect(events.map((event) => (event.type === 'token-minted' || event.type === 'token-refreshed' ? event.reason : event.type))).toEqual([
      'missing',
      'expiring',
    ]);
  });

  it('caps the margin at half the lifetime of a short-lived token', async () => {
    const short = tokenExpiringAt(T0 / 1000 + 10, 'short');
    const { tokens, mints } = sourceWith([mintAnswer(short), mintAnswer(tokenExpiringAt(T0 / 1000 + 20, 'next'))], 60_000);
    await tokens.get(undefined, LOOKUP);
    vi.setSystemTime(T0 + 4_999);
    expect((await tokens.get(undefined, LOOKUP)).accessToken).toBe(short);
    vi.setSystemTime(T0 + 5_000);
    expect((await tokens.get(undefined, LOOKUP)).accessToken).not.toBe(short);
    expect(mints()).toBe(2);
  });

  it('reuses a token without exp until it is rejected, and a burst of rejections costs one mint', async () => {
    const { tokens, mints, events } = sourceWith([mintAnswer('opaque-1'), mintAnswer('opaque-2')]);
    const first = await tokens.get(undefined, LOOKUP);
    vi.setSystemTime(T0 + 365 * 86_400_000);
    expect((await tokens.get(undefined, LOOKUP)).accessToken).toBe('opaque-1');
    const replaced = await Promise.all(Array.from({ length: 20 }, () => tokens.replaceRejected(undefined, first, LOOKUP)));
    expect(new Set(replaced.map((entry) => entry.accessToken))).toEqual(new Set(['opaque-2']));
    expect(mints()).toBe(2);
    expect(events.at(-1)).toMatchObject({ type: 'token-refreshed', reason: 'rejected' });
  });

  it('rejects every waiter of a failed mint with the same error and caches nothing', async () => {
    const { tokens, mints } = sourceWith([{ status: 401, body: { errors: [{ message: 'bad credentials', code: '108' }] } }, mintAnswer('after')]);
    const failures = await Promise.all(
      Array.from({ length: 5 }, () =>
        Promise.resolve()
          .then(() => tokens.get(undefined, LOOKUP))
          .catch((error: unknown) => error),
      ),
    );
    expect(failures.every((error) => error === failures[0])).toBe(true);
    expect(failures[0]).toBeInstanceOf(TribeAuthError);
    expect(mints()).toBe(1);
    expect((await tokens.get(undefined, LOOKUP)).accessToken).toBe('after');
    expect(mints()).toBe(2);
  });

  it('lets one waiter leave through its signal while the shared mint goes on for the others', async () => {
    let release: (() => void) | undefined;
    const exchange = scriptedExchange([mintAnswer('late')]);
    const tokens = plainTokenSource(async (memberId) => {
      await new Promise<void>((resolve) => (release = resolve));
      return mintToken(app, memberId, { exchange, call: DEFAULT_CALL, now: Date.now, onEvent: undefined, scrubber: new Scrubber() }, undefined);
    });
    const controller = new AbortController();
    const leaving = Promise.resolve(tokens.get(undefined, { ...LOOKUP, signal: controller.signal })).catch((error: unknown) => error);
    const staying = tokens.get(undefined, LOOKUP);
    controller.abort();
    expect(await leaving).toBeInstanceOf(TribeAbortError);
    release!();
    expect((await staying).accessToken).toBe('late');
    expect(exchange.sent).toHaveLength(1);
  });

  it('mints separately per member, with the member in the mint', async () => {
    const { tokens, exchange } = sourceWith([mintAnswer('bot'), mintAnswer('ada')]);
    expect((await tokens.get(undefined, LOOKUP)).accessToken).toBe('bot');
    expect((await tokens.get('MbrAda', LOOKUP)).accessToken).toBe('ada');
    expect(JSON.parse(exchange.sent[1]!.body).variables).toEqual({ context: 'NETWORK', networkId: 'net', entityId: 'net', impersonateMemberId: 'MbrAda' });
  });
});
