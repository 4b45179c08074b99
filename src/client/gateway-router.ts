import type { TribeGatewayEvent } from '../events.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The platform's API domains: a gateway on one of them, or under one, is trusted. */
export const PLATFORM_API_DOMAINS: readonly string[] = ['tribe.so', 'bettermode.com', 'bettermode.de', 'bettermode.dev'];

function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The verdict on one minted `gatewayUrl`: the URL to send to, or why it is refused. */
export type GatewayVerdict = { url: string } | { refused: TribeGatewayEvent['reason']; host: string } | undefined;

/**
 * Decides whether the minted `gatewayUrl` may receive the bearer token: over https to the endpoint's
 * own host, a host under the platform's API domains, or a host the app trusts (`trustedHosts`); over
 * http only to loopback when the endpoint itself is http on loopback (the local emulator). Undefined
 * when there is no gateway to judge.
 */
export function judgeGatewayUrl(gatewayUrl: string | undefined, endpoint: string, trustedHosts: readonly string[] = []): GatewayVerdict {
  if (!gatewayUrl) return undefined;
  let gateway: URL;
  try {
    gateway = new URL(gatewayUrl);
  } catch {
    return { refused: 'unreadable', host: '(unreadable)' };
  }
  const host = gateway.hostname.toLowerCase();
  if (gateway.username || gateway.password) return { refused: 'credentials-in-url', host };
  const origin = new URL(endpoint);
  if (gateway.protocol === 'http:' && origin.protocol === 'http:' && isLoopback(origin) && isLoopback(gateway)) return { url: gateway.href };
  if (gateway.protocol !== 'https:') return { refused: 'not-https', host };
  const trusted = host === origin.hostname.toLowerCase() || [...PLATFORM_API_DOMAINS, ...trustedHosts].some((domain) => isUnder(host, domain.toLowerCase()));
  return trusted ? { url: gateway.href } : { refused: 'untrusted-host', host };
}

/** The URL a token's requests go to: its accepted `gatewayUrl`, or undefined to stay on the endpoint. */
export function acceptGatewayUrl(gatewayUrl: string | undefined, endpoint: string, trustedHosts: readonly string[] = []): string | undefined {
  const verdict = judgeGatewayUrl(gatewayUrl, endpoint, trustedHosts);
  return verdict && 'url' in verdict ? verdict.url : undefined;
}

/** Picks where a request carrying a token goes. */
export type GatewayRouter = (token: { gatewayUrl?: string | undefined }) => string;

/**
 * Routes each token to its own accepted `gatewayUrl`, or to the endpoint, so tokens another process
 * minted (through a shared cache) go where they belong. Decisions are remembered per gateway URL, and
 * each refusal is reported once.
 */
export function createGatewayRouter(endpoint: string, trustedHosts: readonly string[], onRefused?: (event: TribeGatewayEvent) => void): GatewayRouter {
  const routes = new Map<string | undefined, string>();
  return (token) => {
    let url = routes.get(token.gatewayUrl);
    if (url === undefined) {
      const verdict = judgeGatewayUrl(token.gatewayUrl, endpoint, trustedHosts);
      if (verdict && 'refused' in verdict) onRefused?.({ type: 'gateway-refused', host: verdict.host.slice(0, 253), reason: verdict.refused });
      // Bounded: a hostile cache could hand out endless distinct URLs.
      if (routes.size >= 64) routes.clear();
      routes.set(token.gatewayUrl, (url = verdict && 'url' in verdict ? verdict.url : endpoint));
    }
    return url;
  };
}
