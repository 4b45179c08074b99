import { EventEmitter } from 'node:events';
import { exchangeFailure } from '../transport/http-exchange.js';

/** The abort source undici accepts in place of an AbortSignal: an EventEmitter with `aborted` and `reason`. */
export type AbortEmitter = EventEmitter & { aborted: boolean; reason: unknown };

/**
 * `withDeadline` (src/transport/http-exchange.ts) for undici: hands it a plain EventEmitter as its signal, because creating and
 * listening to Node's EventTarget-based AbortSignal costs about 15 µs per request, a tenth of a whole
 * loopback request. The caller's own AbortSignal, when given, is linked to it.
 */
export async function withEmitterDeadline<T>(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
  exchange: (signal: AbortEmitter) => Promise<T>,
): Promise<T> {
  const source = Object.assign(new EventEmitter(), { aborted: false, reason: undefined as unknown });
  const fire = (reason: unknown): void => {
    if (source.aborted) return;
    source.aborted = true;
    source.reason = reason;
    source.emit('abort');
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    fire(new DOMException(`no complete answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onCallerAbort = (): void => fire(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    return await exchange(source);
  } catch (error) {
    throw exchangeFailure(error, callerSignal, timedOut, timeoutMs);
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}
