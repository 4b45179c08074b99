import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

/** The claims of a token the emulator issues, named as in Tribe's tokens. */
export interface TokenClaims {
  /** The member the token acts as (the bot's member ID for a bot token; `guest` for a guest token). */
  id: string;
  networkId: string;
  networkDomain: string;
  role: 'admin' | 'moderator' | 'member' | 'guest';
  roleType: 'admin' | 'moderator' | 'member' | 'guest';
  /** The app that minted it, when an app did. */
  appId?: string;
  /** A unique token ID, for revocation. */
  jti: string;
  iat: number;
  exp: number;
}

/** Why a bearer token was not accepted. */
export type TokenProblem = 'missing' | 'invalid' | 'expired' | 'revoked';

/** Issues and checks HS256 JWTs, and remembers revoked ones. */
export class TokenAuthority {
  readonly #key: Uint8Array;
  /** Tokens revoked one by one as they were issued (bounded by what revokeNextIssued asked for). */
  readonly #revoked = new Set<string>();
  /** Token IDs are a sequence; every ID below this one was revoked at once by revokeIssued(). */
  #revokedBelow = 0;
  #nextId = 0;
  #revokeNext = 0;
  ttlSeconds: number;

  constructor(ttlSeconds: number, secret = crypto.getRandomValues(new Uint8Array(32))) {
    this.ttlSeconds = ttlSeconds;
    this.#key = secret;
  }

  /** Signs a token with `exp` = now + TTL. */
  async issue(claims: Omit<TokenClaims, 'jti' | 'iat' | 'exp'>): Promise<string> {
    const jti = String(this.#nextId++);
    const iat = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setJti(jti)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.#key);
    if (this.#revokeNext > 0) {
      this.#revokeNext -= 1;
      this.#revoked.add(jti);
    }
    return token;
  }

  /** Verifies a bearer token: signature, expiry and revocation. */
  async verify(token: string): Promise<TokenClaims | TokenProblem> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { algorithms: ['HS256'] });
      const claims = payload as unknown as TokenClaims;
      return this.#revoked.has(claims.jti) || Number(claims.jti) < this.#revokedBelow ? 'revoked' : claims;
    } catch (error) {
      return error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid';
    }
  }

  /** Revokes one token by its ID, as a logout does. */
  revoke(jti: string): void {
    this.#revoked.add(jti);
  }

  /** Revokes every token issued so far. */
  revokeIssued(): void {
    this.#revokedBelow = this.#nextId;
  }

  /** Revokes each of the next `count` tokens as soon as it is issued. */
  revokeNextIssued(count: number): void {
    this.#revokeNext += count;
  }

  /** Stops revoking tokens that are issued from now on. */
  stopRevokingNext(): void {
    this.#revokeNext = 0;
  }
}
