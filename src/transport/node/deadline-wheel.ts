/** How often a client's wheel looks for requests past their deadline, in ms: a timeout fires at most this late. */
const TICK_MS = 25;

/** Something in flight that a deadline, the caller's signal or `close()` can end. */
export interface Deadlined {
  /** When it must have ended, in `performance.now()` ms. */
  readonly deadlineAt: number;
  /** Ends it as timed out. */
  timeOut(): void;
}

/**
 * One timer per client instead of one per request: while requests are in flight it ticks every
 * {@link TICK_MS} and times out those past their deadline; with none in flight it stops, so an idle
 * client holds no timer (and never keeps a process alive: the timer is unref'd).
 */
export class DeadlineWheel<T extends Deadlined> {
  readonly #inFlight = new Set<T>();
  #timer: ReturnType<typeof setInterval> | undefined;

  /** Starts watching `entry`. */
  add(entry: T): void {
    this.#inFlight.add(entry);
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => this.#tick(), TICK_MS);
      this.#timer.unref?.();
    }
  }

  /** Stops watching `entry` (it ended). */
  delete(entry: T): void {
    this.#inFlight.delete(entry);
    if (this.#inFlight.size === 0 && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }

  /** Everything in flight now, e.g. for `close()` to end. */
  entries(): T[] {
    return [...this.#inFlight];
  }

  #tick(): void {
    const now = performance.now();
    for (const entry of this.#inFlight) if (now >= entry.deadlineAt) entry.timeOut();
  }
}
