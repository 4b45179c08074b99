import { API_CODE, apiError, notFound } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import type { EmulatorStore, MemberRecord } from '../store.js';
import { roleOf, viewerOf } from '../viewer.js';

interface LimitedTokenArgs {
  /** Optional since the 2024 schema; the NETWORK context is what it means when left out. */
  context?: string | null;
  networkId: string;
  /** Optional since the 2024 schema; for the NETWORK context it is the network's ID. */
  entityId?: string | null;
  impersonateMemberId?: string | null;
}

const GUEST: MemberRecord = {
  id: 'guest',
  name: 'Guest',
  username: 'guest',
  email: '',
  status: 'VERIFIED',
  roleType: 'member',
  tagline: null,
  locale: 'en-US',
  createdAt: new Date(0).toISOString(),
  updatedAt: new Date(0).toISOString(),
};

/** `limitedToken`: HTTP Basic only; Forbidden where the app is not installed; a bot or member JWT otherwise. */
async function limitedToken(_: unknown, args: LimitedTokenArgs, context: EmulatorContext) {
  const { caller, store } = context;
  if (caller.kind !== 'basic') {
    throw apiError(API_CODE.invalidToken, 'limitedToken needs HTTP Basic auth with the app client ID and secret', 401);
  }
  const app = store.appByClientId(caller.clientId);
  if (!app || app.clientSecret !== caller.clientSecret) {
    throw apiError(API_CODE.invalidToken, 'invalid client credentials', 401);
  }
  if ((args.context ?? 'NETWORK') !== 'NETWORK') throw apiError(API_CODE.invalidParameter, 'only the NETWORK context is supported', 400);
  if ((args.entityId ?? args.networkId) !== args.networkId)
    throw apiError(API_CODE.invalidParameter, 'entityId must equal networkId for the NETWORK context', 400);
  if (args.networkId !== store.data.network.id || !app.installedNetworkIds.includes(args.networkId)) {
    throw apiError(API_CODE.permission, 'Forbidden: the app is not installed on this network', 403);
  }
  const memberId = args.impersonateMemberId ?? app.botMemberId;
  const member = store.member(memberId);
  if (!member || (member.isBot && args.impersonateMemberId)) throw notFound('member', args.impersonateMemberId);
  const accessToken = await context.tokens.issue({
    id: member.id,
    networkId: store.data.network.id,
    networkDomain: store.data.network.domain,
    role: member.roleType,
    roleType: member.roleType,
    appId: app.id,
  });
  return { accessToken, gatewayUrl: context.gatewayUrl ?? null };
}

/** Which member each refresh token belongs to, per emulator; guests' refresh tokens are not kept. */
const refreshTokens = new WeakMap<EmulatorStore, Map<string, string>>();

function newRefreshToken(member: MemberRecord, context: EmulatorContext): string {
  const refreshToken = crypto.randomUUID();
  if (member === GUEST) return refreshToken;
  let owners = refreshTokens.get(context.store);
  if (!owners) refreshTokens.set(context.store, (owners = new Map()));
  owners.set(refreshToken, member.id);
  return refreshToken;
}

function memberToken(member: MemberRecord, context: EmulatorContext): Promise<string> {
  const { network } = context.store.data;
  return context.tokens.issue({
    id: member.id,
    networkId: network.id,
    networkDomain: network.domain,
    role: member.roleType,
    roleType: member.roleType,
  });
}

function authToken(accessToken: string, member: MemberRecord, context: EmulatorContext) {
  return {
    accessToken,
    refreshToken: newRefreshToken(member, context),
    member,
    role: member === GUEST ? { ...roleOf({ roleType: 'member' }), id: 'RoleGuest', name: 'Guest', type: 'guest' } : roleOf(member),
    network: context.store.data.network,
    networkPublicInfo: context.store.data.network,
  };
}

interface TokensArgs {
  networkDomain?: string | null;
  networkId?: string | null;
  otp?: string | null;
  refreshToken?: string | null;
  ssoToken?: string | null;
}

/**
 * `tokens`: with no credentials a guest token for the network, asked for by domain or ID; with a
 * refresh token from `loginNetwork`, a new token for that member. One-time passwords and SSO are not emulated.
 */
async function tokens(_: unknown, args: TokensArgs, context: EmulatorContext) {
  const { network } = context.store.data;
  if (args.networkId !== network.id && args.networkDomain !== network.domain) {
    throw notFound('network', args.networkId ?? args.networkDomain);
  }
  if (args.otp || args.ssoToken) throw apiError(API_CODE.invalidParameter, 'the emulator does not support OTP or SSO logins');
  if (args.refreshToken) {
    const member = context.store.member(refreshTokens.get(context.store)?.get(args.refreshToken) ?? '');
    if (!member) throw apiError(API_CODE.invalidToken, 'the refresh token is invalid', 401);
    return authToken(await memberToken(member, context), member, context);
  }
  const token = await context.tokens.issue({
    id: GUEST.id,
    networkId: network.id,
    networkDomain: network.domain,
    role: 'guest',
    roleType: 'guest',
  });
  return authToken(token, GUEST, context);
}

/** `loginNetwork`: exchanges a member's username or email and password for a member token. */
async function loginNetwork(_: unknown, args: { input: { usernameOrEmail: string; password: string } }, context: EmulatorContext) {
  viewerOf(context);
  const { usernameOrEmail, password } = args.input;
  const member = context.store.people().find((candidate) => candidate.username === usernameOrEmail || candidate.email === usernameOrEmail);
  if (!member || member.password !== password) throw apiError(API_CODE.parameterValidation, 'invalid username, email or password');
  return authToken(await memberToken(member, context), member, context);
}

/** `logoutNetwork`: revokes the token the request came with; later calls with it get a 401. */
function logoutNetwork(_: unknown, __: unknown, context: EmulatorContext) {
  viewerOf(context);
  if (context.caller.kind === 'bearer') context.tokens.revoke(context.caller.claims.jti);
  return { status: 'succeeded' };
}

/** Root fields that mint, exchange or revoke tokens; `loginNetworkWithPassword` is `loginNetwork` under its other names. */
export const authResolvers = {
  Query: { limitedToken, tokens, loginNetworkWithPassword: loginNetwork },
  Mutation: { loginNetwork, loginNetworkWithPassword: loginNetwork, logoutNetwork },
};

/** Root fields that need no bearer token. */
export const PUBLIC_ROOT_FIELDS = new Set(['limitedToken', 'tokens', '__schema', '__type', '__typename']);

/** Root fields a guest token may call. */
export const GUEST_ROOT_FIELDS = new Set(['loginNetwork', 'loginNetworkWithPassword', 'network', '__typename']);
