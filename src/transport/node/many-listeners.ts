import { setMaxListeners } from 'node:events';

/** Signals already told that many listeners are expected. */
const unlimited = new WeakSet<AbortSignal>();

/**
 * A client's signal carries one listener per call in flight (exchanges, mint waits, retry waits);
 * without this, Node warns of a leak from the eleventh concurrent call on.
 */
export function expectManyListeners(signal: AbortSignal): void {
  if (unlimited.has(signal)) return;
  setMaxListeners(0, signal);
  unlimited.add(signal);
}
