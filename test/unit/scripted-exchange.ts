import type { AccessToken } from '../../src/auth/access-token.js';
import { MemoryTokenCache } from '../../src/auth/token-cache.js';
import { TokenSource } from '../../src/auth/token-source.js';
import type { HttpExchange, HttpExchangeRequest, HttpExchangeResponse } from '../../src/transport/exchange.js';

/** One scripted answer: a status and a JSON body, optionally with headers. */
export interface ScriptedAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** An exchange that answers from a script, in order, and records what it was sent; the script's last entry repeats. */
export function scriptedExchange(
  script: Array<ScriptedAnswer | ((request: HttpExchangeRequest) => ScriptedAnswer)>,
): HttpExchange & { sent: HttpExchangeRequest[] } {
  const sent: HttpExchangeRequest[] = [];
  const exchange = async (request: HttpExchangeRequest): Promise<HttpExchangeResponse> => {
    sent.push(request);
    const entry = script[Math.min(sent.length - 1, script.length - 1)]!;
    const answer = typeof entry === 'function' ? entry(request) : entry;
    return { status: answer.status ?? 200, text: JSON.stringify(answer.body), headers: () => new Headers(answer.headers) };
  };
  return Object.assign(exchange, { sent });
}

/** A JWT-shaped token (unsigned) whose `exp` is `expSeconds`. */
export function tokenExpiringAt(expSeconds: number, id = 'tok'): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256' })}.${part({ id, exp: expSeconds })}.sig`;
}

/** A mint answer carrying `accessToken`. */
export function mintAnswer(accessToken: string): ScriptedAnswer {
  return { body: { data: { limitedToken: { accessToken, gatewayUrl: null } } } };
}

/** A token source on a memory cache with no refresh margin, minting with `mint`. */
export function plainTokenSource(mint: (memberId: string | undefined) => Promise<AccessToken>): TokenSource {
  return new TokenSource({
    mint,
    store: { kind: 'local', cache: new MemoryTokenCache() },
    keyParts: ['k'],
    networkId: 'net',
    refreshMarginMs: 0,
    now: Date.now,
    onEvent: undefined,
  });
}
