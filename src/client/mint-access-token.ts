import type { AccessToken } from '../auth/access-token.js';
import { resolveMintOptions, type TribeAuthOptions } from '../options/auth-options.js';
import { DEFAULT_CALL } from '../options/call-options.js';
import { chooseExchange } from './choose-exchange.js';
import { mintToken } from './mint.js';

/**
 * Mints an app access token: a bot token, or with `memberId` a token acting as that member.
 * Validates the options first and throws `TribeConfigError` before sending anything.
 */
export async function mintAccessToken(options: TribeAuthOptions): Promise<AccessToken> {
  const { auth, memberId, fetch, signal } = resolveMintOptions(options);
  return mintToken(auth, memberId, { exchange: chooseExchange(fetch), call: DEFAULT_CALL, now: Date.now, onEvent: undefined }, signal);
}
