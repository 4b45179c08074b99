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
