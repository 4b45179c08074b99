import { abortError } from '../abort.js';

/** Runs `task` after the pending I/O callbacks: `setImmediate` where the runtime has it, else a zero timeout. */
const nextTurn: (task: () => void) => void =
  typeof globalThis.setImmediate === 'function' ? (task) => void globalThis.setImmediate(task) : (task) => void setTimeout(task, 0);

/**
 * At most `max` requests in flight through one exchange; the others wait in order. A runtime's fetch
 * opens a connection per request it cannot place on an idle one, so this is what bounds the sockets
 * of a fetch-based client (200 concurrent calls, 64 connections by default).
 */
export class InFlightLimit {
  readonly #max: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(max: number) {
    this.#max = max;
  }

  /** Takes a place: at once when one is free (no promise), else when one frees up; a signal that fires first ends the wait. */
  acquire(signal: AbortSignal): void | Promise<void> {
    if (this.#active < this.#max) {
      this.#active += 1;
      return;
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.#waiting.indexOf(take);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(abortError(signal));
      };
      const take = (): void => {
        signal.removeEventListener('abort', onAbort);
        this.#active += 1;
        resolve();
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(take);
    });
  }

  /**
   * Gives a place back, to the longest waiter if there is one: a turn of the event loop later, when the
   * runtime has put the finished request's connection back in its pool, so the waiter reuses it
   * instead of opening another.
   */
  release(): void {
    if (this.#waiting.length === 0) {
      this.#active -= 1;
      return;
    }
    nextTurn(() => {
      this.#active -= 1;
      this.#waiting.shift()?.();
    });
  }
}
