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

/**
 * The token cache misbehaved and the SDK went on without it: a `get` that failed, hung past the call's
 * timeout or answered an unusable entry counts as a miss; a failed `set` or `delete` is skipped.
 */
export interface TribeTokenCacheEvent {
  type: 'token-cache-problem';
  operation: 'get' | 'set' | 'delete';
  problem: 'failed' | 'timed-out' | 'invalid-entry';
  memberId: string | undefined;
}

/** A minted `gatewayUrl` was not followed (not https, or a host the client does not trust); calls stay on the endpoint. */
export interface TribeGatewayEvent {
  type: 'gateway-refused';
  /** The refused gateway's host, or `(unreadable)`. */
  host: string;
  reason: 'not-https' | 'untrusted-host' | 'credentials-in-url' | 'unreadable';
}

/** A call waits in line for its network's rate-limit window; reported once per call. */
export interface TribeRateLimitWaitEvent {
  type: 'rate-limit-wait';
  networkId: string;
  operationName: string;
  /** How long the window has left when the call joins the wait, in ms. */
  waitMs: number;
}

/** A shared part (token cache, rate limit store or webhook dedup store) failed; the process goes on with a local one. */
export interface TribeLocalFallbackEvent {
  type: 'local-fallback';
  /** The part that noticed first. */
  part: 'token-cache' | 'rate-limit' | 'webhook-dedup';
  networkId: string;
}

/** Every event the SDK reports; none carries a secret or a token. */
export type TribeEvent =
  | TribeRequestEvent
  | TribeResponseEvent
  | TribeRetryEvent
  | TribeTokenEvent
  | TribeTokenCacheEvent
  | TribeGatewayEvent
  | TribeRateLimitWaitEvent
  | TribeLocalFallbackEvent;

/** Receives SDK events; it should return quickly. What it throws or rejects with is ignored. */
export type TribeEventListener = (event: TribeEvent) => unknown;

const ignore = (): void => undefined;

/**
 * Wraps a listener so that neither an exception it throws nor a promise it rejects can fail, or
 * retry, the request it reports on, nor become an unhandled rejection that ends the process.
 */
export function safeListener(listener: TribeEventListener | undefined): ((event: TribeEvent) => void) | undefined {
  if (!listener) return undefined;
  return (event) => {
    try {
      const result = listener(event);
      if (typeof (result as PromiseLike<unknown> | null | undefined)?.then === 'function') (result as PromiseLike<unknown>).then(undefined, ignore);
    } catch {
      // A listener's own bug must not change what the SDK does; there is nowhere safer to report it.
    }
  };
}
