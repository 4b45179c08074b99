import type { MediaStore } from './media/media-store.js';
import type { EmulatorStore } from './store.js';
import type { TokenAuthority, TokenClaims, TokenProblem } from './tokens.js';

/** Who sent the request, as read from its Authorization header. */
export type Caller =
  | { kind: 'none' }
  | { kind: 'basic'; clientId: string; clientSecret: string }
  | { kind: 'bearer'; claims: TokenClaims }
  | { kind: 'rejected'; problem: TokenProblem };

/** What every resolver receives. */
export interface EmulatorContext {
  store: EmulatorStore;
  tokens: TokenAuthority;
  caller: Caller;
  /** Signed upload targets and the uploaded media. */
  media: MediaStore;
  /** The `gatewayUrl` that `limitedToken` returns, when configured. */
  gatewayUrl: string | undefined;
}

/** Reads the Authorization header: Basic credentials, a verified bearer token, or nothing. */
export async function readCaller(header: string | null, tokens: TokenAuthority): Promise<Caller> {
  if (!header) return { kind: 'none' };
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = new TextDecoder().decode(Buffer.from(value, 'base64'));
    const colon = decoded.indexOf(':');
    if (colon < 0) return { kind: 'rejected', problem: 'invalid' };
    return { kind: 'basic', clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
  }
  if (scheme?.toLowerCase() !== 'bearer' || value === '') return { kind: 'rejected', problem: 'invalid' };
  const verdict = await tokens.verify(value);
  return typeof verdict === 'string' ? { kind: 'rejected', problem: verdict } : { kind: 'bearer', claims: verdict };
}
