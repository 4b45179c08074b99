/** Something in flight that ends when its caller's signal fires. */
export interface Abortable {
  abort(reason: unknown): void;
}

/** The requests in flight under each signal, and the one listener each signal has. */
const watched = new WeakMap<AbortSignal, Set<Abortable>>();

/**
 * Ties `entry` to `signal` without a listener per request: each signal gets one listener, the first
 * time a request runs under it, which walks the requests in flight under it when it fires. A
 * client's own signal (every call's, unless the call brings one) thus carries one listener in all.
 * Returns the function that unties them.
 */
export function watchSignal(signal: AbortSignal, entry: Abortable): () => void {
  let entries = watched.get(signal);
  if (entries === undefined) {
    const set = new Set<Abortable>();
    entries = set;
    watched.set(signal, set);
    signal.addEventListener(
      'abort',
      () => {
        for (const inFlight of [...set]) inFlight.abort(signal.reason);
      },
      { once: true },
    );
  }
  entries.add(entry);
  const set = entries;
  return () => void set.delete(entry);
}
