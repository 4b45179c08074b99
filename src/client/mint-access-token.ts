import type { AccessToken } from '../auth/access-token.js';
import { resolveMintOptions, type TribeAuthOptions } from '../options/auth-options.js';
import { createTransport } from '../transport/transport.js';
import { appScrubber, mintToken } from './mint.js';

/**
 * Mints an app access token: a bot token, or with `memberId` a token acting as that member.
 * Validates the options first and throws `TribeConfigError` before sending anything.
 */
export async function mintAccessToken(options: TribeAuthOptions): Promise<AccessToken> {
  const { auth, memberId, transport, call, signal } = resolveMintOptions(options);
  const exchange = createTransport(transport, false);
  return mintToken(auth, memberId, { exchange, call, now: Date.now, onEvent: undefined, scrubber: appScrubber(auth, transport) }, signal);
}
