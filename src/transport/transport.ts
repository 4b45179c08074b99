import { runtimeTransport } from '#default-exchange';
import { TribeConfigError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import type { HttpExchange, HttpExchangeRequest, TransportSettings } from './exchange.js';
import { createFetchExchange } from './fetch-exchange.js';

/** What every request of one caller shares: its limits and the scrubber of its secrets. */
export interface ExchangeLimits {
  timeoutMs: number;
  maxResponseBytes: number;
  scrub: (text: string) => string;
}

/**
 * The one place the transport is picked: the caller's `fetch` when given, otherwise the entry's
 * default, which package.json's `imports` map chooses per runtime (undici under `node`, the runtime's
 * fetch under `bun`, `deno` and everywhere else). A proxy with the caller's own fetch is refused:
 * that fetch decides how it connects.
 */
export function createTransport(settings: TransportSettings, own: boolean): HttpExchange {
  if (settings.fetch === undefined) return runtimeTransport.createDefaultExchange(settings, own);
  if (settings.proxy) throw new TribeConfigError(MESSAGES.proxyUnsupported);
  return createFetchExchange(settings.fetch, settings.maxConnections);
}

/** Tells the runtime that a client's shared signal has one listener per call in flight (Node warns past 10 otherwise). */
export function expectManyListeners(signal: AbortSignal): void {
  runtimeTransport.expectManyListeners(signal);
}

/** The one way a call becomes an exchange request: where, what, and under which limits. */
export function exchangeRequest(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal | undefined,
  limits: ExchangeLimits,
): HttpExchangeRequest {
  return { url, headers, body, signal, timeoutMs: limits.timeoutMs, maxResponseBytes: limits.maxResponseBytes, scrub: limits.scrub };
}
