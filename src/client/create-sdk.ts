import type { TribeClientOptions, TribeSdk } from '../options/client-options.js';
import { createTribeClient } from './create-client.js';

/** Mints a token with the app's credentials and returns the typed SDK that sends it as a bearer. */
export async function createTribeSdk<TSdk = TribeSdk>(options: TribeClientOptions<TSdk> & { memberId?: string; signal?: AbortSignal }): Promise<TSdk> {
  const { memberId, signal, ...clientOptions } = options ?? {};
  const client = createTribeClient(clientOptions as TribeClientOptions<TSdk>);
  await client.getAccessToken({ memberId, signal });
  return memberId === undefined ? client.sdk : client.impersonate(memberId);
}
