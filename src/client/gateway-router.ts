const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/**
 * Decides whether the minted `gatewayUrl` may receive the bearer token: only over https, or over
 * http when the configured endpoint itself is http on loopback (the local emulator). Returns the
 * URL to use, or undefined to stay on the endpoint.
 */
export function acceptGatewayUrl(gatewayUrl: string | undefined, endpoint: string): string | undefined {
  if (!gatewayUrl) return undefined;
  let gateway: URL;
  try {
    gateway = new URL(gatewayUrl);
  } catch {
    return undefined;
  }
  if (gateway.username || gateway.password) return undefined;
  if (gateway.protocol === 'https:') return gateway.href;
  const origin = new URL(endpoint);
  const localHttp = origin.protocol === 'http:' && isLoopback(origin);
  return gateway.protocol === 'http:' && localHttp && isLoopback(gateway) ? gateway.href : undefined;
}

/** Picks where a request carrying a token goes. */
export type GatewayRouter = (token: { gatewayUrl?: string | undefined }) => string;

/**
 * Routes each token to its own accepted `gatewayUrl`, or to the endpoint, so tokens another process
 * minted (through a shared cache) go where they belong. Decisions are remembered per gateway URL.
 */
export function createGatewayRouter(endpoint: string): GatewayRouter {
  const routes = new Map<string | undefined, string>();
  return (token) => {
    let url = routes.get(token.gatewayUrl);
    if (url === undefined) {
      // Bounded: a hostile cache could hand out endless distinct URLs.
      if (routes.size >= 64) routes.clear();
      routes.set(token.gatewayUrl, (url = acceptGatewayUrl(token.gatewayUrl, endpoint) ?? endpoint));
    }
    return url;
  };
}
