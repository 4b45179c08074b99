import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { EmulatorStore, AppRecord } from '../store.js';
import type { TokenAuthority } from '../tokens.js';
import { consentPage, errorPage } from './consent-page.js';
import { OAuthGrants, type AuthorizationRequest } from './oauth-grants.js';

/** What the OAuth routes work with; `origin` is read per request, since it is known only once the server listens. */
export interface OAuthContext {
  store: EmulatorStore;
  tokens: TokenAuthority;
  grants: OAuthGrants;
  origin: () => string;
}

const MAX_FORM_BYTES = 16 * 1024;

async function readForm(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('json')) {
    try {
      return new URLSearchParams(JSON.parse(text) as Record<string, string>);
    } catch {
      return undefined;
    }
  }
  return new URLSearchParams(text);
}

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/** Whether the app registered this redirect URI; a loopback one matches on any port (RFC 8252, 7.3). */
function isRegisteredRedirect(app: AppRecord, redirectUri: string): boolean {
  let given: URL;
  try {
    given = new URL(redirectUri);
  } catch {
    return false;
  }
  return (app.redirectUris ?? []).some((registered) => {
    const url = new URL(registered);
    if (isLoopback(url) && isLoopback(given)) return url.protocol === given.protocol && url.hostname === given.hostname && url.pathname === given.pathname;
    return url.href === given.href;
  });
}

function page(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' }).end(html);
}

function redirectBack(response: ServerResponse, request: AuthorizationRequest, params: Record<string, string>): void {
  const url = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (request.state !== null) url.searchParams.set('state', request.state);
  response.writeHead(302, { location: url.href, 'cache-control': 'no-store' }).end();
}

function tokenError(response: ServerResponse, status: number, error: string, description: string): void {
  response
    .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify({ error, error_description: description }));
}

function showConsent(context: OAuthContext, url: URL, response: ServerResponse): void {
  const query = url.searchParams;
  const app = context.store.appByClientId(query.get('client_id') ?? '');
  if (!app) return page(response, 400, errorPage('unknown client_id'));
  const redirectUri = query.get('redirect_uri') ?? '';
  // A redirect URI the app did not register gets no redirect: the member stays here.
  if (!isRegisteredRedirect(app, redirectUri)) return page(response, 400, errorPage('redirect_uri is not registered for this app'));
  const request: AuthorizationRequest = {
    clientId: app.clientId,
    redirectUri,
    state: query.get('state'),
    scopes: query.get('scopes') ?? query.get('scope'),
    codeChallenge: query.get('code_challenge'),
  };
  const responseType = query.get('response_type');
  if (responseType !== null && responseType !== 'code') return redirectBack(response, request, { error: 'unsupported_response_type' });
  if (request.codeChallenge !== null && (query.get('code_challenge_method') ?? 'S256') !== 'S256')
    return redirectBack(response, request, { error: 'invalid_request' });
  const pageId = context.grants.openPage(request);
  page(response, 200, consentPage(app, context.store.data.network, context.store.people(), pageId, request.scopes));
}

async function decide(context: OAuthContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const form = await readForm(request);
  const pending = form && context.grants.takePage(form.get('request_id') ?? '');
  if (!pending) return page(response, 400, errorPage('this sign-in page expired or was used already; start again'));
  if (form.get('decision') !== 'allow') return redirectBack(response, pending, { error: 'access_denied' });
  const member = context.store.people().find((candidate) => candidate.id === form.get('member_id'));
  if (!member) return page(response, 400, errorPage('pick a member of the community'));
  redirectBack(response, pending, { code: context.grants.issueCode(pending, member.id) });
}

function clientOf(context: OAuthContext, request: IncomingMessage, form: URLSearchParams): AppRecord | undefined {
  let clientId = form.get('client_id') ?? '';
  let secret = form.get('client_secret') ?? '';
  const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (basic) [clientId = '', secret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':', 2);
  const app = context.store.appByClientId(clientId);
  const expected = Buffer.from(app?.clientSecret ?? '');
  const given = Buffer.from(secret);
  return app && expected.length === given.length && timingSafeEqual(expected, given) ? app : undefined;
}

/** The member's tokens; the access token carries no `appId`, so it acts as the member alone, not as the app. */
async function issueTokens(context: OAuthContext, app: AppRecord, memberId: string, code: string, response: ServerResponse): Promise<void> {
  const member = context.store.member(memberId);
  if (!member) return tokenError(response, 400, 'invalid_grant', 'the member no longer exists');
  const { network } = context.store.data;
  const accessToken = await context.tokens.issue({
    id: member.id,
    networkId: network.id,
    networkDomain: network.domain,
    role: member.roleType,
    roleType: member.roleType,
  });
  const refreshToken = context.grants.issueRefreshToken({ clientId: app.clientId, memberId: member.id }, code);
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(
    JSON.stringify({
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: context.tokens.ttlSeconds,
      refresh_token: refreshToken,
      graphql_url: `${context.origin()}/graphql`,
    }),
  );
}

async function token(context: OAuthContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const form = await readForm(request);
  if (!form) return tokenError(response, 400, 'invalid_request', 'the body is not a readable form');
  const app = clientOf(context, request, form);
  if (!app) return tokenError(response, 401, 'invalid_client', 'unknown client or wrong secret');
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') {
    const code = form.get('code') ?? '';
    const outcome = context.grants.redeemCode(code, app.clientId, form.get('redirect_uri') ?? '', form.get('code_verifier'));
    if ('refused' in outcome) return tokenError(response, 400, 'invalid_grant', outcome.refused);
    return issueTokens(context, app, outcome.memberId, code, response);
  }
  if (grantType === 'refresh_token') {
    const grant = context.grants.takeRefreshToken(form.get('refresh_token') ?? '', app.clientId);
    if (!grant) return tokenError(response, 400, 'invalid_grant', 'the refresh token is unknown or was used already');
    return issueTokens(context, app, grant.memberId, grant.code, response);
  }
  tokenError(response, 400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}

/**
 * "Sign in with Bettermode" on the emulator: `GET /oauth/authorize` shows a consent page with a member
 * picker, its form (`POST /oauth/authorize`) sends the member back to the app's registered redirect URI
 * with a single-use code and the state, and `POST /oauth/token` exchanges codes and refresh tokens.
 */
export function oauthRoutes(context: OAuthContext) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://emulator.invalid').pathname;
    if (path === '/oauth/authorize' && request.method === 'GET') {
      showConsent(context, new URL(request.url ?? '/', 'http://emulator.invalid'), response);
      return true;
    }
    if (path === '/oauth/authorize' && request.method === 'POST') {
      await decide(context, request, response);
      return true;
    }
    if (path === '/oauth/token' && request.method === 'POST') {
      await token(context, request, response);
      return true;
    }
    return false;
  };
}
