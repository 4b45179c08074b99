import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAuthorizeUrl,
  createMemberClient,
  createOAuthState,
  createPkcePair,
  exchangeAuthorizationCode,
  readAuthorizeCallback,
  refreshMemberTokens,
  TribeAuthError,
  TribeConfigError,
  type MemberTokens,
} from '../../src/index.js';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { useEmulator } from '../support/emulator.js';
import { consentOverHttp } from './consent.js';

const emulator = useEmulator();
let chromiumSession: Awaited<ReturnType<typeof launchChromium>> | undefined;
let browser: BrowserContext;
let callbackServer: Server;
let callbackBase: string;
const landed: string[] = [];

const hasChromium = chromiumAvailable('the OAuth browser test');

beforeAll(async () => {
  callbackServer = createServer((request, response) => {
    if (request.url?.startsWith('/oauth/callback')) landed.push(`${callbackBase}${request.url}`);
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>signed in</title><p id="done">back at the app</p>');
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
  callbackBase = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}`;
  if (!hasChromium) return;
  chromiumSession = await launchChromium();
  browser = chromiumSession.context;
});

afterAll(async () => {
  await chromiumSession?.close();
  await new Promise((resolve) => callbackServer.close(resolve));
});

function app() {
  const { clientId, clientSecret, url } = emulator.current;
  return { communityUrl: new URL(url).origin, clientId, clientSecret, redirectUri: `${callbackBase}/oauth/callback` };
}

/** Opens the authorize URL in Chromium, picks the member and answers the consent screen; resolves to where the browser landed. */
async function signIn(authorizeUrl: string, memberId: string, decision: 'allow' | 'deny' = 'allow'): Promise<string> {
  const tab = await browser.newPage();
  try {
    await tab.goto(authorizeUrl);
    await tab.selectOption('select[name=member_id]', memberId);
    await Promise.all([tab.waitForURL(`${callbackBase}/**`), tab.click(`button[value=${decision}]`)]);
    expect(await tab.textContent('#done')).toBe('back at the app');
    return tab.url();
  } finally {
    await tab.close();
  }
}

describe.runIf(hasChromium)('Sign in with Bettermode, in headless Chromium', () => {
  it('signs a member in with state and PKCE, exchanges the code, calls authMember as them, and refreshes', async () => {
    const { redirectUri, ...endpoint } = app();
    const state = createOAuthState();
    const pkce = await createPkcePair();
    const authorizeUrl = buildAuthorizeUrl({ ...endpoint, redirectUri, state, scopes: ['member:read'], codeChallenge: pkce.challenge });
    const callback = await signIn(authorizeUrl, 'MbrMargaH4');
    expect(landed.at(-1)).toBe(callback);
    const { code } = readAuthorizeCallback(callback, state);
    const tokens = await exchangeAuthorizationCode({ ...endpoint, code, redirectUri, codeVerifier: pkce.verifier });
    expect(tokens.graphqlUrl).toBe(emulator.current.url);

    const stored: MemberTokens[] = [];
    const member = createMemberClient({ ...endpoint, tokens, onTokens: (next) => void stored.push(next) });
    const { authMember } = await member.sdk.authMember();
    expect(authMember.id).toBe('MbrMargaH4');
    expect(emulator.current.requests.at(-1)?.authorization).toBe(`Bearer ${tokens.accessToken}`);

    // A refresh goes through the client's token source: one refresh for parallel callers, the new pair handed to onTokens.
    const [first, second] = await Promise.all([member.getAccessToken({ forceRefresh: true }), member.getAccessToken({ forceRefresh: true })]);
    expect(first.accessToken).toBe(second.accessToken);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.refreshToken).not.toBe(tokens.refreshToken);
    expect((await member.sdk.authMember()).authMember.id).toBe('MbrMargaH4');
    // The refresh token rotated: the old one is refused.
    const stale = await refreshMemberTokens({ ...endpoint, refreshToken: tokens.refreshToken }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(TribeAuthError);
    expect((stale as Error).message).toContain('invalid_grant');
    expect(JSON.stringify(stale)).not.toContain(tokens.refreshToken);
    member.close();
  });

  it('refuses a wrong state, a reused code and a PKCE exchange without its verifier', async () => {
    const { redirectUri, ...endpoint } = app();
    const state = createOAuthState();
    const pkce = await createPkcePair();
    const callback = await signIn(buildAuthorizeUrl({ ...endpoint, redirectUri, state, codeChallenge: pkce.challenge }), 'MbrGraceH2');
    const wrongState = (() => {
      try {
        return readAuthorizeCallback(callback, createOAuthState());
      } catch (error) {
        return error;
      }
    })();
    expect(wrongState).toBeInstanceOf(TribeAuthError);
    expect((wrongState as Error).message).toMatch(/another state/);
    const { code } = readAuthorizeCallback(callback, state);
    expect((wrongState as Error).message).not.toContain(code);

    const missingVerifier = await exchangeAuthorizationCode({ ...endpoint, code, redirectUri }).catch((error: unknown) => error);
    expect(missingVerifier).toBeInstanceOf(TribeAuthError);
    const tokens = await exchangeAuthorizationCode({
      ...endpoint,
      code: readAuthorizeCallback(callback, state).code,
      redirectUri,
      codeVerifier: pkce.verifier,
    }).catch((error: unknown) => error);
    // The failed attempt did not spend the code; the right one does, once.
    expect((tokens as MemberTokens).accessToken).toMatch(/^eyJ/);
    const reused = await exchangeAuthorizationCode({ ...endpoint, code, redirectUri, codeVerifier: pkce.verifier }).catch((error: unknown) => error);
    expect(reused).toBeInstanceOf(TribeAuthError);
    expect((reused as Error).message).toBe('tribe-sdk: the token endpoint refused the authorization code (invalid_grant, HTTP 400)');
    // Replaying the code revoked the refresh token it had given.
    await expect(refreshMemberTokens({ ...endpoint, refreshToken: (tokens as MemberTokens).refreshToken })).rejects.toThrow(TribeAuthError);
    expect(JSON.stringify(reused)).not.toContain(code);
  });

  it('refuses a foreign redirect_uri on the consent page itself, and sends a declined sign-in back without a code', async () => {
    const { redirectUri, ...endpoint } = app();
    const tab = await browser.newPage();
    const before = landed.length;
    const foreign = buildAuthorizeUrl({ ...endpoint, redirectUri: 'https://attacker.example/oauth/callback', state: createOAuthState() });
    const answer = await tab.goto(foreign);
    expect(answer?.status()).toBe(400);
    expect(await tab.textContent('#error')).toBe('redirect_uri is not registered for this app');
    expect(await tab.$('select[name=member_id]')).toBeNull();
    await tab.close();
    expect(landed.length).toBe(before);

    const state = createOAuthState();
    const declined = await signIn(buildAuthorizeUrl({ ...endpoint, redirectUri, state }), 'MbrLinusT3', 'deny');
    expect(() => readAuthorizeCallback(declined, state)).toThrow(/without a code \(access_denied\)/);
  });
});

describe('OAuth without a browser', () => {
  it('a member client refreshes before the token expires, once for parallel calls, and tells onTokens', async () => {
    const { redirectUri, ...endpoint } = app();
    const restore = emulator.current.setTokenTtl(2);
    const state = createOAuthState();
    const callback = await consentOverHttp(buildAuthorizeUrl({ ...endpoint, redirectUri, state }), 'MbrLinusT3');
    const tokens = await exchangeAuthorizationCode({ ...endpoint, code: readAuthorizeCallback(callback, state).code, redirectUri });
    restore.restore();
    const stored: MemberTokens[] = [];
    const member = createMemberClient({ ...endpoint, tokens, onTokens: (next) => void stored.push(next) });
    expect((await member.sdk.authMember()).authMember.id).toBe('MbrLinusT3');
    expect(stored).toHaveLength(0);
    // Past half the two-second lifetime the token counts as expiring: the next calls share one refresh.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const answers = await Promise.all([member.sdk.authMember(), member.sdk.authMember(), member.sdk.authMember()]);
    expect(answers.map((answer) => answer.authMember.id)).toEqual(['MbrLinusT3', 'MbrLinusT3', 'MbrLinusT3']);
    expect(stored).toHaveLength(1);
    expect(emulator.current.requests.at(-1)?.authorization).toBe(`Bearer ${stored[0]!.accessToken}`);
    await expect(member.impersonate('MbrAdaL001').authMember()).rejects.toThrow(TribeConfigError);
    // The member's token acts as the member, not as the app: the app's own settings stay closed to it.
    await expect(member.sdk.getAppNetworkSettings({ appId: emulator.current.appId })).rejects.toThrow(/only the app itself/);
    member.close();
  });

  it('refuses bad options before sending anything', async () => {
    const { redirectUri, ...endpoint } = app();
    const state = createOAuthState();
    expect(() => buildAuthorizeUrl({ ...endpoint, redirectUri, state: 'short' })).toThrow(TribeConfigError);
    expect(() => buildAuthorizeUrl({ ...endpoint, communityUrl: 'http://community.example.com', redirectUri, state })).toThrow(/https URL/);
    expect(() => buildAuthorizeUrl({ ...endpoint, redirectUri: 'not a url', state })).toThrow(TribeConfigError);
    expect(() =>
      createMemberClient({ ...endpoint, tokens: { accessToken: 'opaque', refreshToken: 'r', graphqlUrl: emulator.current.url, expiresAt: undefined } }),
    ).toThrow(TribeConfigError);
    const before = emulator.current.requests.length;
    await expect(exchangeAuthorizationCode({ ...endpoint, code: '', redirectUri })).rejects.toThrow(TribeConfigError);
    expect(emulator.current.requests.length).toBe(before);
    const url = new URL(buildAuthorizeUrl({ ...endpoint, redirectUri, state, scopes: ['a', 'b'] }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: endpoint.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      state,
      scopes: 'a b',
    });
  });
});
