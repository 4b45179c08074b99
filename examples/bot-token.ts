// A bot token: the app acts as its bot, with admin rights on the network.
// Run: TRIBE_CLIENT_ID=… TRIBE_CLIENT_SECRET=… TRIBE_NETWORK_ID=… npx tsx bot-token.ts
import { createTribeClient, redactToken } from 'tribe-sdk';

const { TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET, TRIBE_NETWORK_ID, TRIBE_API_URL } = process.env;
if (!TRIBE_CLIENT_ID || !TRIBE_CLIENT_SECRET || !TRIBE_NETWORK_ID) {
  console.error('Set TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET and TRIBE_NETWORK_ID (and TRIBE_API_URL for another endpoint).');
  process.exit(2);
}

const client = createTribeClient({
  clientId: TRIBE_CLIENT_ID,
  clientSecret: TRIBE_CLIENT_SECRET,
  networkId: TRIBE_NETWORK_ID,
  endpoint: TRIBE_API_URL, // undefined: the default endpoint
});

try {
  // Optional: the client mints on the first call anyway. Never print the token itself.
  const token = await client.getAccessToken();
  console.log(`token ${redactToken(token.accessToken)}, expires ${token.expiresAt ? new Date(token.expiresAt).toISOString() : 'unknown'}`);

  const { network } = await client.sdk.network();
  console.log(`network: ${network.name} (${network.id})`);

  const { spaces } = await client.sdk.spaces({ limit: 5 });
  for (const space of spaces.nodes ?? []) console.log(`space: ${space.name}`);
} finally {
  client.close();
}
