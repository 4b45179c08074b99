import { GraphQLClient } from 'graphql-request';
import { basicAuthorization, bearerAuthorization } from '../../src/auth/authorization-header.js';
import type { RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import { type TribeSdk } from '../../src/index.js';
import { getSdk } from '../../generated/sdk.js';

/** The generated SDK on a plain client with a fixed Authorization header: for guest and logged-in member tokens, which the app client does not mint. */
export function sdkWithAuthorization(emulator: RunningEmulator, authorization?: string): TribeSdk {
  return getSdk(new GraphQLClient(emulator.url, authorization === undefined ? {} : { headers: { authorization } }));
}

/** The generated SDK sending `token` as its bearer. */
export function sdkWithToken(emulator: RunningEmulator, token: string): TribeSdk {
  return sdkWithAuthorization(emulator, bearerAuthorization(token));
}

/** The generated SDK sending the demo app's client ID and secret with HTTP Basic auth, as `limitedToken` needs. */
export function sdkWithAppCredentials(emulator: RunningEmulator): TribeSdk {
  return sdkWithAuthorization(emulator, basicAuthorization(emulator.clientId, emulator.clientSecret));
}

/** The claims of a JWT, read without checking it: enough to see whom a token acts as. */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
