import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TribeAuthError, TribeNetworkError, TribeRateLimitError, TribeTimeoutError } from '../../src/index.js';
import { parseRetryAfter } from '../../src/transport/retry-after.js';
import { retryDelayMs } from '../../src/client/retry-policy.js';
import { DEFAULT_CALL } from '../../src/options/call-options.js';

const policy = { ...DEFAULT_CALL.policy, baseDelayMs: 100, maxDelayMs: 1_000 };
const unavailable = new TribeNetworkError('down', { status: 503 });

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('never returns a negative or non-finite number for any input', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 4_102_444_800_000 }), (text, now) => {
        const seconds = parseRetryAfter(text, now);
        return seconds === undefined || (Number.isFinite(seconds) && seconds >= 0);
      }),
    );
  });
});

describe('retryDelayMs', () => {
  it('backs off exponentially with jitter, capped by maxDelayMs', () => {
    // base 100 ms, cap 1 000 ms: the first retry waits 50-100 ms, the second 100-200, the fifth 500-1 000 (capped).
    const at = (retry: number, random: number) => retryDelayMs(unavailable, retry, false, { ...policy, maxRetries: 9 }, () => random);
    expect([at(1, 0), at(1, 0.5), at(1, 0.999_999)]).toEqual([50, 75, 100]);
    expect([at(2, 0), at(2, 0.999_999)]).toEqual([100, 200]);
    expect([at(3, 0), at(4, 0)]).toEqual([200, 400]);
    expect([at(5, 0), at(5, 0.999_999), at(9, 0.999_999)]).toEqual([500, 1_000, 1_000]);
  });

  it('stops after maxRetries', () => {
    expect(retryDelayMs(unavailable, 2, false, policy)).toBeDefined();
    expect(retryDelayMs(unavailable, 3, false, policy)).toBeUndefined();
    expect(retryDelayMs(unavailable, 1, false, { ...policy, maxRetries: 0 })).toBeUndefined();
  });

  it('uses Retry-After for 429s and refuses one longer than maxDelayMs', () => {
    expect(retryDelayMs(new TribeRateLimitError('slow', { retryAfter: 0.5 }), 1, false, policy)).toBe(500);
    expect(retryDelayMs(new TribeRateLimitError('slow', { retryAfter: 5 }), 1, false, policy)).toBeUndefined();
  });

  it('retries mutations only when opted in', () => {
    expect(retryDelayMs(unavailable, 1, true, policy)).toBeUndefined();
    expect(retryDelayMs(unavailable, 1, true, { ...policy, retryMutations: true })).toBeDefined();
  });

  it('never retries auth errors, timeouts or HTTP 500', () => {
    expect(retryDelayMs(new TribeAuthError('no'), 1, false, policy)).toBeUndefined();
    expect(retryDelayMs(new TribeTimeoutError('slow', { timeoutMs: 10 }), 1, false, policy)).toBeUndefined();
    expect(retryDelayMs(new TribeNetworkError('bug', { status: 500 }), 1, false, policy)).toBeUndefined();
    expect(retryDelayMs(new TribeNetworkError('reset'), 1, false, policy)).toBeDefined();
  });
});
