import type { TribeEventListener, TribeLocalFallbackEvent } from '../events.js';

type Part = TribeLocalFallbackEvent['part'];

/**
 * One `local-fallback` event per outage of a client's shared parts: the token cache and the rate
 * limit store usually share one Redis, and when it goes both notice; the event comes from the first.
 */
export function fallbackNotice(networkId: string, onEvent: TribeEventListener | undefined): (part: Part, fallback: boolean) => void {
  const down = new Set<Part>();
  return (part, fallback) => {
    if (!fallback) {
      down.delete(part);
      return;
    }
    if (down.size === 0) onEvent?.({ type: 'local-fallback', part, networkId });
    down.add(part);
  };
}
