import type { TribeErrorCode } from './errors.js';

/** A request attempt is about to be sent; `headers` has its credentials redacted. */
export interface TribeRequestEvent {
  type: 'request';
  operationName: string;
  attempt: number;
  memberId: string | undefined;
  headers: Record<string, string>;
}

/** A request attempt ended, with an answer or an error. */
export interface TribeResponseEvent {
  type: 'response';
  operationName: string;
  attempt: number;
  ok: boolean;
  status: number | undefined;
  errorCode: TribeErrorCode | undefined;
  durationMs: number;
}

/** A failed attempt will be tried again after `delayMs`. */
export interface TribeRetryEvent {
  type: 'retry';
  operationName: string;
  retry: number;
  delayMs: number;
  errorCode: TribeErrorCode;
  status: number | undefined;
}

/** A token was minted; `reason` says why: none cached, about to expire, rejected, or forced. */
export interface TribeTokenEvent {
  type: 'token-minted' | 'token-refreshed';
  networkId: string;
  memberId: string | undefined;
  expiresAt: number | undefined;
  reason: 'missing' | 'expiring' | 'rejected' | 'forced';
}

/** Every event the SDK reports; none carries a secret or a token. */
export type TribeEvent = TribeRequestEvent | TribeResponseEvent | TribeRetryEvent | TribeTokenEvent;

/** Receives SDK events; it should return quickly and never throw. */
export type TribeEventListener = (event: TribeEvent) => void;

/** Wraps a listener so that an exception thrown in it can never fail, or retry, the request it reports on. */
export function safeListener(listener: TribeEventListener | undefined): TribeEventListener | undefined {
  if (!listener) return undefined;
  return (event) => {
    try {
      listener(event);
    } catch {
      // A listener's own bug must not change what the SDK does; there is nowhere safer to report it.
    }
  };
}
