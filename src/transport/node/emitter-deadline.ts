import { EventEmitter, setMaxListeners } from 'node:events';

/** The abort source undici accepts in place of an AbortSignal: an EventEmitter with `aborted` and `reason`. */
export type AbortEmitter = EventEmitter & { aborted: boolean; reason: unknown };

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

/** One exchange's deadline: the signal to hand undici, whether it was the timeout that fired, and cleanup. */
export interface EmitterDeadline {
  signal: AbortEmitter;
  readonly timedOut: boolean;
  clear(): void;
}

/**
 * Starts the deadline of one undici exchange: fires on the caller's abort or after `timeoutMs`. It hands
 * undici a plain EventEmitter as its signal, because creating and listening to Node's EventTarget-based
 * AbortSignal costs about 15 µs per request, a tenth of a whole loopback request.
 */
export function startEmitterDeadline(callerSignal: AbortSignal | undefined, timeoutMs: number): EmitterDeadline {
  const signal = Object.assign(new EventEmitter(), { aborted: false, reason: undefined as unknown });
  const fire = (reason: unknown): void => {
    if (signal.aborted) return;
    signal.aborted = true;
    signal.reason = reason;
    signal.emit('abort');
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    fire(new DOMException(`no complete answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onCallerAbort = (): void => fire(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else if (callerSignal) {
    expectManyListeners(callerSignal);
    callerSignal.addEventListener('abort', onCallerAbort, { once: true });
  }
  return {
    signal,
    get timedOut() {
      return timedOut;
    },
    clear() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
