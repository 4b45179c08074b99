import { afterEach, describe, expect, it } from 'vitest';
import { combineSignals } from '../../src/combine-signals.js';

const nativeAny = AbortSignal.any;

describe('combineSignals', () => {
  afterEach(() => {
    AbortSignal.any = nativeAny;
  });

  for (const variant of ['AbortSignal.any', 'the fallback (no AbortSignal.any, as on edge-runtime 4)']) {
    const setUp = (): void => {
      // The matrix runs the fallback for real on edge-runtime; this covers it on Node too.
      if (variant.startsWith('the fallback')) AbortSignal.any = undefined as unknown as typeof AbortSignal.any;
    };

    it(`${variant}: fires with the reason of whichever signal fires first`, () => {
      setUp();
      const first = new AbortController();
      const second = new AbortController();
      const { signal } = combineSignals([first.signal, second.signal]);
      expect(signal.aborted).toBe(false);
      second.abort('second');
      first.abort('first');
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBe('second');
    });

    it(`${variant}: is fired already when one of its signals is`, () => {
      setUp();
      const fired = AbortSignal.abort('early');
      const { signal } = combineSignals([new AbortController().signal, fired]);
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBe('early');
    });
  }

  it('the fallback: release detaches it, so a long-lived signal keeps no listener per call', () => {
    AbortSignal.any = undefined as unknown as typeof AbortSignal.any;
    const longLived = new AbortController();
    const combined = [1, 2, 3].map(() => combineSignals([longLived.signal, new AbortController().signal]));
    for (const { release } of combined.slice(0, 2)) release();
    longLived.abort('closed');
    expect(combined.map(({ signal }) => signal.aborted)).toEqual([false, false, true]);
  });
});
