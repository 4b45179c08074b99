import { createHash, randomBytes } from 'node:crypto';

/** An authorization the consent page is showing: what the app asked for. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string | null;
  scopes: string | null;
  codeChallenge: string | null;
}

/** A code handed to the app's callback, until it is exchanged. */
interface IssuedCode extends AuthorizationRequest {
  memberId: string;
  expiresAt: number;
  used: boolean;
  /** The refresh tokens issued for it, revoked if the code is replayed. */
  refreshTokens: string[];
}

/** Who a refresh token belongs to. */
export interface RefreshGrant {
  clientId: string;
  memberId: string;
}

/** How long a consent page and a code stay valid. */
const LIFETIME_MS = 10 * 60_000;
/** The most pending consent pages and codes kept; the oldest go first. */
const MAX_KEPT = 1_000;

const random = (): string => randomBytes(32).toString('base64url');

function keepBounded<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_KEPT) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** The S256 PKCE challenge of a verifier. */
function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** The emulator's OAuth state: consent pages shown, codes issued (single use), refresh tokens (rotated on use). */
export class OAuthGrants {
  readonly #pages = new Map<string, AuthorizationRequest & { expiresAt: number }>();
  readonly #codes = new Map<string, IssuedCode>();
  readonly #refresh = new Map<string, RefreshGrant & { code: string }>();

  /** Remembers a request the consent page shows; the page's form answers with the returned ID. */
  openPage(request: AuthorizationRequest): string {
    const id = random();
    keepBounded(this.#pages, id, { ...request, expiresAt: Date.now() + LIFETIME_MS });
    return id;
  }

  /** Takes a page's request once: a second submit of the same page finds nothing. */
  takePage(id: string): AuthorizationRequest | undefined {
    const page = this.#pages.get(id);
    this.#pages.delete(id);
    return page && page.expiresAt > Date.now() ? page : undefined;
  }

  /** Issues a code for the member the consent page picked. */
  issueCode(request: AuthorizationRequest, memberId: string): string {
    const code = random();
    keepBounded(this.#codes, code, { ...request, memberId, expiresAt: Date.now() + LIFETIME_MS, used: false, refreshTokens: [] });
    return code;
  }

  /**
   * Redeems a code: it must be unused, unexpired, and for this client and redirect URI, with the PKCE
   * verifier when a challenge came. A replayed code also revokes the refresh tokens it gave.
   */
  redeemCode(code: string, clientId: string, redirectUri: string, verifier: string | null): { memberId: string } | { refused: string } {
    const issued = this.#codes.get(code);
    if (!issued || issued.expiresAt <= Date.now()) return { refused: 'the code is unknown or expired' };
    if (issued.used) {
      for (const token of issued.refreshTokens) this.#refresh.delete(token);
      return { refused: 'the code was used already' };
    }
    if (issued.clientId !== clientId || issued.redirectUri !== redirectUri) return { refused: 'the code was issued to another client or redirect_uri' };
    if (issued.codeChallenge !== null && (verifier === null || pkceChallenge(verifier) !== issued.codeChallenge))
      return { refused: 'the code_verifier does not match' };
    issued.used = true;
    return { memberId: issued.memberId };
  }

  /** Issues a refresh token for a member, tied to the code it came from. */
  issueRefreshToken(grant: RefreshGrant, code: string): string {
    const token = random();
    this.#refresh.set(token, { ...grant, code });
    this.#codes.get(code)?.refreshTokens.push(token);
    return token;
  }

  /** Uses a refresh token once: it is replaced by the new one the caller issues. */
  takeRefreshToken(token: string, clientId: string): (RefreshGrant & { code: string }) | undefined {
    const grant = this.#refresh.get(token);
    if (!grant || grant.clientId !== clientId) return undefined;
    this.#refresh.delete(token);
    return grant;
  }
}
