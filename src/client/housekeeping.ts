/** How often, in ms of the client's clock, a client drops what hangs off expired tokens and idle members. */
const HOUSEKEEPING_INTERVAL_MS = 60_000;

/**
 * Runs `sweep` at most once per {@link HOUSEKEEPING_INTERVAL_MS}, when a call comes: a client needs no
 * timer of its own (none to keep a process alive, none in a worker) and no `close()` to let go of
 * members it no longer serves.
 */
export function housekeeping(now: () => number, sweep: () => void): () => void {
  let nextAt = now() + HOUSEKEEPING_INTERVAL_MS;
  return () => {
    const at = now();
    if (at < nextAt) return;
    nextAt = at + HOUSEKEEPING_INTERVAL_MS;
    sweep();
  };
}
