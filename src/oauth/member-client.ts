import { readJwtClaims } from '../auth/jwt-expiry.js';
import type { AccessToken } from '../auth/access-token.js';
import { TribeConfigError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import type { TribeClientOptions, TribeSdk } from '../options/client-options.js';
import { callable, object, text } from '../options/rules.js';
import { communityOrigin } from './community-url.js';
import { refreshMemberTokens, type MemberTokens } from './token-endpoint.js';

/** Options of {@link memberTokenMinter}: the app's credentials, the community, and the member's tokens from the code exchange. */
export interface MemberClientOptions<TSdk = TribeSdk> extends Omit<
  TribeClientOptions<TSdk>,
  'clientId' | 'clientSecret' | 'networkId' | 'endpoint' | 'region'
> {
  /** The community's address, where its `/oauth/token` endpoint is. */
  communityUrl: string;
  clientId: string;
  clientSecret: string;
  /** The tokens `exchangeAuthorizationCode` (or a stored refresh) answered. */
  tokens: MemberTokens;
  /** Hears of every refresh, to store the new tokens (the refresh token may change with each). */
  onTokens?: (tokens: MemberTokens) => void | Promise<void>;
}

/** A member client's options for the client it is built on, and the mint that refreshes the member's tokens. */
export interface MemberTokenMinter<TSdk> {
  clientOptions: TribeClientOptions<TSdk>;
  keyParts: readonly string[];
  mint: (memberId: string | undefined, signal: AbortSignal) => Promise<AccessToken>;
}

function checkTokens(value: unknown): MemberTokens & { networkId: string; memberId: string } {
  const tokens = object(value as MemberTokens | undefined, 'tokens');
  const accessToken = text(tokens.accessToken, 'tokens.accessToken');
  const claims = readJwtClaims(accessToken);
  const networkId = claims?.networkId;
  const memberId = claims?.id;
  if (typeof networkId !== 'string' || typeof memberId !== 'string') {
    throw new TribeConfigError(MESSAGES.invalidOption('tokens.accessToken', "a platform token (a JWT with the member's id and networkId)"));
  }
  return {
    ...tokens,
    accessToken,
    refreshToken: text(tokens.refreshToken, 'tokens.refreshToken'),
    graphqlUrl: text(tokens.graphqlUrl, 'tokens.graphqlUrl'),
    networkId,
    memberId,
  };
}

/**
 * The pieces of a client that acts as one signed-in member: its endpoint is the member's
 * `graphqlUrl`, its cache key names the member apart from the app's tokens, and its mint hands out
 * the exchanged token first, then refreshes through the token endpoint; the client's token source
 * makes that a single flight (across processes too, with a shared cache) before expiry.
 */
export function memberTokenMinter<TSdk>(options: MemberClientOptions<TSdk>): MemberTokenMinter<TSdk> {
  const given = object(options, 'options');
  const communityUrl = communityOrigin(given.communityUrl);
  const clientRest: Partial<MemberClientOptions<TSdk>> = { ...given };
  for (const own of ['tokens', 'onTokens', 'communityUrl'] as const) delete clientRest[own];
  const onTokens = callable<(tokens: MemberTokens) => void | Promise<void>>(given.onTokens, 'onTokens');
  const first = checkTokens(given.tokens);
  const now = given.now ?? Date.now;
  let current: MemberTokens = first;
  let handedOut = false;
  const toAccess = (tokens: MemberTokens): AccessToken => ({ accessToken: tokens.accessToken, gatewayUrl: tokens.graphqlUrl, expiresAt: tokens.expiresAt });
  return {
    clientOptions: { ...(clientRest as TribeClientOptions<TSdk>), networkId: first.networkId, endpoint: first.graphqlUrl },
    keyParts: ['oauth', first.memberId],
    async mint(memberId, signal) {
      if (memberId !== undefined) throw new TribeConfigError(MESSAGES.invalidOption('memberId', 'left out: a member client acts as its signed-in member only'));
      if (!handedOut && (current.expiresAt === undefined || current.expiresAt > now())) {
        handedOut = true;
        return toAccess(current);
      }
      handedOut = true;
      current = await refreshMemberTokens({
        communityUrl,
        clientId: given.clientId,
        clientSecret: given.clientSecret,
        refreshToken: current.refreshToken,
        fetch: given.fetch,
        timeoutMs: given.timeoutMs,
        signal,
      });
      await onTokens?.(current);
      return toAccess(current);
    },
  };
}
