/** A signal that fires when any of the given ones does, and the release that detaches it from them. */
export interface CombinedSignal {
  signal: AbortSignal;
  /** Detaches the listeners of the fallback; a no-op where the runtime has `AbortSignal.any`. */
  release(): void;
}

const NOTHING_TO_RELEASE = (): void => {};

/**
 * `AbortSignal.any` where the runtime has it. Vercel's edge-runtime (4.0) and Safari before 17.4 do not:
 * there a controller fed by abort listeners stands in, and `release` removes them, so that a long-lived
 * signal (a client's own) does not collect one listener per request.
 */
export function combineSignals(signals: readonly AbortSignal[]): CombinedSignal {
  if (typeof AbortSignal.any === 'function') return { signal: AbortSignal.any([...signals]), release: NOTHING_TO_RELEASE };
  const controller = new AbortController();
  const fired = signals.find((signal) => signal.aborted);
  if (fired) {
    controller.abort(fired.reason);
    return { signal: controller.signal, release: NOTHING_TO_RELEASE };
  }
  const listeners = signals.map((signal) => {
    const listener = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', listener, { once: true });
    return () => signal.removeEventListener('abort', listener);
  });
  return { signal: controller.signal, release: () => listeners.forEach((remove) => remove()) };
}
