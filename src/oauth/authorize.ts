import { TribeAuthError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { invalid, object, optionalText, text } from '../options/rules.js';
import { communityOrigin } from './community-url.js';

/** Options of {@link buildAuthorizeUrl}. */
export interface AuthorizeUrlOptions {
  /** The community's address, e.g. `https://community.example.com` (its custom domain or its platform subdomain). */
  communityUrl: string;
  /** The app's client ID. */
  clientId: string;
  /** Where the platform sends the member back with `code` and `state`; it must be registered with the app. */
  redirectUri: string;
  /** A value of at least 16 characters bound to the member's browser session; {@link createOAuthState} makes one. */
  state: string;
  /** Scopes to ask for, sent space-separated as `scopes`. */
  scopes?: string[];
  /** A PKCE S256 challenge from {@link createPkcePair}; optional, since whether the platform checks PKCE is not documented. */
  codeChallenge?: string;
}

/** A PKCE pair: send `challenge` with the authorize URL and `verifier` with the code exchange. */
export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random `state` (32 bytes, base64url) to keep in the member's session and compare on the callback. */
export function createOAuthState(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** A PKCE verifier (32 random bytes) and its S256 challenge, with WebCrypto (every runtime). */
export async function createPkcePair(): Promise<PkcePair> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)), method: 'S256' };
}

/** Checks a redirect URI: an absolute http(s) URL without a fragment. */
export function redirectUri(value: unknown): string {
  let url: URL;
  try {
    url = new URL(text(value, 'redirectUri'));
  } catch {
    return invalid('redirectUri', 'an absolute URL');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hash) invalid('redirectUri', 'an http(s) URL without a fragment');
  return url.href;
}

/** The URL to send a member to for "Sign in with Bettermode": `{community}/oauth/authorize` with the app's parameters. */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
  const given = object(options, 'options');
  const url = new URL('/oauth/authorize', communityOrigin(given.communityUrl));
  const state = text(given.state, 'state');
  if (state.length < 16) invalid('state', 'at least 16 characters (createOAuthState makes one)');
  url.searchParams.set('client_id', text(given.clientId, 'clientId'));
  url.searchParams.set('redirect_uri', redirectUri(given.redirectUri));
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);
  if (given.scopes !== undefined) {
    if (!Array.isArray(given.scopes) || !given.scopes.every((scope) => typeof scope === 'string' && /^[\w:.-]+$/.test(scope))) {
      invalid('scopes', 'an array of scope names');
    }
    url.searchParams.set('scopes', given.scopes.join(' '));
  }
  const challenge = optionalText(given.codeChallenge, 'codeChallenge');
  if (challenge !== undefined) {
    url.searchParams.set('code_challenge', challenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.href;
}

/**
 * Reads the callback the member's browser lands on: the `code`, once `state` matches the one kept in
 * the session. A wrong or missing state, or an error from the platform (the member declined), is a
 * `TribeAuthError`; neither the code nor either state is quoted.
 */
export function readAuthorizeCallback(callbackUrl: string | URL, expectedState: string): { code: string } {
  const url = new URL(String(callbackUrl));
  const expected = text(expectedState, 'expectedState');
  const error = url.searchParams.get('error');
  if (url.searchParams.get('state') !== expected) throw new TribeAuthError(MESSAGES.oauthStateMismatch);
  if (error !== null) throw new TribeAuthError(MESSAGES.oauthDeclined(/^[a-z_]{1,64}$/.test(error) ? error : 'unknown_error'));
  const code = url.searchParams.get('code');
  if (!code) throw new TribeAuthError(MESSAGES.oauthDeclined('no code'));
  return { code };
}
