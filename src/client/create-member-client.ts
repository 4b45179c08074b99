import { memberTokenMinter, type MemberClientOptions } from '../oauth/member-client.js';
import type { TribeSdk } from '../options/client-options.js';
import { buildTribeClient, type TribeClient } from './create-client.js';

/**
 * A client that acts as a member who signed in with Bettermode: it calls the member's `graphqlUrl`
 * with their access token and refreshes it before expiry through the same token source as the app
 * client (cache, single flight, a shared cluster cache), telling `onTokens` of each new pair.
 */
export function createMemberClient<TSdk = TribeSdk>(options: MemberClientOptions<TSdk>): TribeClient<TSdk> {
  const { clientOptions, keyParts, mint } = memberTokenMinter(options);
  return buildTribeClient(clientOptions, { keyParts, mint });
}
