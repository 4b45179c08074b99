import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TribeAuthError, TribeNetworkError, TribeRateLimitError, TribeTimeoutError } from '../../src/index.js';
import { parseRetryAfter } from '../../src/transport/retry-after.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../src/transport/retry-policy.js';

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000 };
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
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (retry, random) => {
        const delay = retryDelayMs(unavailable, retry, false, policy, () => random)!;
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
        return delay >= ceiling / 2 && delay <= ceiling;
      }),
    );
  });

  it('stops after maxRetries', () => {
    expect(retryDelayMs(unavailable, 2, false, policy)).toBeDefined();
    expect(retryDelayMs(unavailable, 3, false, policy)).toBeUndefined();
    expect(retryDelayMs(unavailable, 1, false, { ...policy, maxRetries: 0 })).toBeUndefined();
  });

  it('uses Retry-After for 429s and refuses one longer than maxDelayMs', () => {
    expect(retryDelayMs(new TribeRateLimitError('slow', 0.5, {}), 1, false, policy)).toBe(500);
    expect(retryDelayMs(new TribeRateLimitError('slow', 5, {}), 1, false, policy)).toBeUndefined();
  });

  it('retries mutations only when opted in', () => {
    expect(retryDelayMs(unavailable, 1, true, policy)).toBeUndefined();
    expect(retryDelayMs(unavailable, 1, true, { ...policy, retryMutations: true })).toBeDefined();
  });

  it('never retries auth errors, timeouts or HTTP 500', () => {
    expect(retryDelayMs(new TribeAuthError('no'), 1, false, policy)).toBeUndefined();
    expect(retryDelayMs(new TribeTimeoutError('slow', 10), 1, false, policy)).toBeUndefined();
    expect(retryDelayMs(new TribeNetworkError('bug', { status: 500 }), 1, false, policy)).toBeUndefined();
    expect(retryDelayMs(new TribeNetworkError('reset'), 1, false, policy)).toBeDefined();
  });
});
