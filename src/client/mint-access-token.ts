import type { AccessToken } from '../auth/access-token.js';
import { resolveMintOptions, type TribeAuthOptions } from '../options/auth-options.js';
import { DEFAULT_CALL } from '../options/call-options.js';
import { DEFAULTS } from '../options/defaults.js';
import { chooseExchange } from './choose-exchange.js';
import { appScrubber, mintToken } from './mint.js';

/**
 * Mints an app access token: a bot token, or with `memberId` a token acting as that member.
 * Validates the options first and throws `TribeConfigError` before sending anything.
 */
export async function mintAccessToken(options: TribeAuthOptions): Promise<AccessToken> {
  const { auth, memberId, fetch, signal } = resolveMintOptions(options);
  const exchange = chooseExchange(fetch, { maxConnections: DEFAULTS.maxConnections, own: false });
  return mintToken(auth, memberId, { exchange, call: DEFAULT_CALL, now: Date.now, onEvent: undefined, scrubber: appScrubber(auth) }, signal);
}
