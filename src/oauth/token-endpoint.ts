import { readJwtExpiry } from '../auth/jwt-expiry.js';
import { TribeAuthError, TribeNetworkError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { callable, duration, object, optionalText, signal as checkSignal, text } from '../options/rules.js';
import { DEFAULTS } from '../options/defaults.js';
import { capText } from '../scrub.js';
import { withDeadline } from '../transport/deadline.js';
import { readBoundedText } from '../transport/bounded-text.js';
import { communityOrigin, isLoopbackUrl } from './community-url.js';
import { redirectUri } from './authorize.js';

/** A signed-in member's tokens, as the token endpoint answers them. */
export interface MemberTokens {
  /** The bearer token for `graphqlUrl`; never log it. */
  accessToken: string;
  /** Gets the next access token; keep it as secret as a password. */
  refreshToken: string;
  /** When the access token expires, in epoch ms (from `expires_in`, else the JWT's `exp`). */
  expiresAt: number | undefined;
  /** The community's own GraphQL endpoint, for calls as this member. */
  graphqlUrl: string;
}

/** What every token request needs. */
export interface TokenEndpointOptions {
  /** The community's address, e.g. `https://community.example.com`. */
  communityUrl: string;
  clientId: string;
  clientSecret: string;
  /** A fetch to use instead of the runtime's. */
  fetch?: typeof fetch;
  /** Cancels the request. */
  signal?: AbortSignal;
  /** How long the request may take, in ms (default 30 000). */
  timeoutMs?: number;
}

/** Options of {@link exchangeAuthorizationCode}. */
export interface CodeExchangeOptions extends TokenEndpointOptions {
  /** The `code` from the callback (see `readAuthorizeCallback`). */
  code: string;
  /** The same redirect URI the authorize URL carried. */
  redirectUri: string;
  /** The PKCE verifier, when the authorize URL carried its challenge. */
  codeVerifier?: string;
}

/** Options of {@link refreshMemberTokens}. */
export interface RefreshOptions extends TokenEndpointOptions {
  refreshToken: string;
}

const MAX_ANSWER_BYTES = 64 * 1024;

function graphqlUrlOf(value: unknown): string {
  if (typeof value !== 'string') return unusable('graphql_url');
  try {
    const url = new URL(value);
    if (url.username || url.password || !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url)))) return unusable('graphql_url');
    return url.href;
  } catch {
    return unusable('graphql_url');
  }
}

function unusable(field: string): never {
  throw new TribeNetworkError(MESSAGES.unreadable(`the token endpoint's ${field} is missing or unusable`));
}

/** Reads a token answer: a bounded JSON object whose tokens are strings and whose `graphql_url` is https (http only on loopback). */
function readTokens(body: string, now: number): MemberTokens {
  let answer: Record<string, unknown>;
  try {
    answer = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return unusable('answer');
  }
  if (typeof answer !== 'object' || answer === null) return unusable('answer');
  const accessToken = answer.access_token;
  const refreshToken = answer.refresh_token;
  if (typeof accessToken !== 'string' || accessToken.length === 0 || accessToken.length > 16_384) return unusable('access_token');
  if (typeof refreshToken !== 'string' || refreshToken.length === 0 || refreshToken.length > 16_384) return unusable('refresh_token');
  const expiresIn = answer.expires_in;
  const expiresAt = typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0 ? now + expiresIn * 1000 : readJwtExpiry(accessToken);
  return { accessToken, refreshToken, expiresAt, graphqlUrl: graphqlUrlOf(answer.graphql_url) };
}

/** POSTs one grant to `{community}/oauth/token`; a refusal is a `TribeAuthError` naming the OAuth error code only. */
async function requestTokens(options: TokenEndpointOptions, grant: string, fields: Record<string, string>): Promise<MemberTokens> {
  const given = object(options, 'options');
  const url = new URL('/oauth/token', communityOrigin(given.communityUrl)).href;
  const form = new URLSearchParams({ ...fields, client_id: text(given.clientId, 'clientId'), client_secret: text(given.clientSecret, 'clientSecret') });
  const fetchImpl = callable<typeof fetch>(given.fetch, 'fetch') ?? globalThis.fetch;
  const timeoutMs = duration(given.timeoutMs, 'timeoutMs', 1) ?? DEFAULTS.timeoutMs;
  // Nothing the runtime says about this request is kept: the form holds the secret and the code.
  const scrub = () => 'the request failed';
  return withDeadline(checkSignal(given.signal, 'signal'), timeoutMs, scrub, async (signal) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal,
      redirect: 'error',
    });
    const body = await readBoundedText(response, MAX_ANSWER_BYTES);
    if (response.ok) return readTokens(body, Date.now());
    let error = 'HTTP ' + response.status;
    try {
      const code = (JSON.parse(body) as { error?: unknown }).error;
      if (typeof code === 'string' && /^[a-z_]{1,64}$/.test(code)) error = `${code}, HTTP ${response.status}`;
    } catch {
      // Not JSON: the status says enough.
    }
    const message = MESSAGES.oauthGrantRefused(grant, capText(error, 100));
    if (response.status >= 500) throw new TribeNetworkError(message, { status: response.status });
    throw new TribeAuthError(message, { status: response.status });
  });
}

/** Exchanges the callback's `code` for the member's tokens (`grant_type=authorization_code`). */
export async function exchangeAuthorizationCode(options: CodeExchangeOptions): Promise<MemberTokens> {
  const given = object(options, 'options');
  const fields: Record<string, string> = {
    grant_type: 'authorization_code',
    code: text(given.code, 'code'),
    redirect_uri: redirectUri(given.redirectUri),
  };
  const verifier = optionalText(given.codeVerifier, 'codeVerifier');
  if (verifier !== undefined) fields.code_verifier = verifier;
  return requestTokens(given, 'authorization code', fields);
}

/** Gets new tokens with a refresh token (`grant_type=refresh_token`); keep the answer's refresh token, it may be a new one. */
export async function refreshMemberTokens(options: RefreshOptions): Promise<MemberTokens> {
  const given = object(options, 'options');
  return requestTokens(given, 'refresh token', { grant_type: 'refresh_token', refresh_token: text(given.refreshToken, 'refreshToken') });
}
