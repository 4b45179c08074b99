import { basicAuthorization } from '../auth/authorization-header.js';
import type { ProxySettings, TransportSettings } from '../transport/exchange.js';
import { DEFAULTS } from './defaults.js';
import { callable, integer, invalid, object } from './rules.js';

/** How requests travel: every setting of the transport, in one group (the same names at the top level still work). */
export interface TransportOptions {
  /** A fetch implementation to use instead of the entry's default transport; it then decides how connections are reused. */
  fetch?: typeof fetch;
  /** The most requests in flight at once, and on Node the connections per origin in the client's own pool (default 64). */
  maxConnections?: number;
  /** An HTTP(S) proxy URL, credentials allowed (`http://user:pass@proxy:8080`); Node entry only, elsewhere the runtime's fetch decides. */
  proxy?: string;
  /** How long one attempt may take, in ms (default 30 000). */
  timeoutMs?: number;
  /** The largest answer read, in bytes, before and after decompression (default 16 MiB). */
  maxResponseBytes?: number;
}

/** Where an options object may carry transport settings: in `transport`, or (as before) at the top level. */
export interface TransportOptionsHolder {
  transport?: TransportOptions;
  fetch?: typeof fetch;
  maxConnections?: number;
  timeoutMs?: number;
  maxResponseBytes?: number;
}

/** The transport group after validation: the transport's own settings, and the limits every call starts from. */
export interface ResolvedTransport {
  settings: TransportSettings;
  /** `timeoutMs` and `maxResponseBytes` from either place, still to be validated with the other call options. */
  limits: { timeoutMs?: number; maxResponseBytes?: number };
}

function decodeUserInfo(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return invalid('transport.proxy', 'a URL with valid percent-encoding in its credentials');
  }
}

/** Parses a proxy URL, splitting its credentials off into the `Proxy-Authorization` value; the message never quotes the URL. */
function resolveProxy(value: unknown): ProxySettings | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) return invalid('transport.proxy', 'an http(s) URL');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') invalid('transport.proxy', 'a URL without a path, query or fragment');
  const username = decodeUserInfo(url.username);
  const password = decodeUserInfo(url.password);
  url.username = '';
  url.password = '';
  const authorization = username || password ? basicAuthorization(username, password) : undefined;
  return { uri: url.origin, authorization, secrets: authorization ? [password, authorization, authorization.slice('Basic '.length)] : [] };
}

/** Validates the transport group (and the old top-level names) once; a setting given in both places must agree. */
export function resolveTransport(holder: TransportOptionsHolder): ResolvedTransport {
  const group = object(holder.transport, 'transport');
  const pick = <K extends keyof TransportOptionsHolder & keyof TransportOptions>(name: K): TransportOptions[K] => {
    if (group[name] !== undefined && holder[name] !== undefined && group[name] !== holder[name]) invalid(name, 'given once: in transport or at the top level');
    return group[name] ?? holder[name];
  };
  return {
    settings: {
      fetch: callable<typeof fetch>(pick('fetch'), 'fetch'),
      maxConnections: integer(pick('maxConnections'), 'maxConnections', 1, 10_000) ?? DEFAULTS.maxConnections,
      proxy: resolveProxy(group.proxy),
    },
    limits: { timeoutMs: pick('timeoutMs'), maxResponseBytes: pick('maxResponseBytes') },
  };
}
