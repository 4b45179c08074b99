// A custom operation: write it in operations/, run codegen (see codegen.ts), and hand the generated
// getSdk to createTribeClient. Your operations then get tokens, retries and typed errors like the built-in ones.
// Run: TRIBE_CLIENT_ID=… TRIBE_CLIENT_SECRET=… TRIBE_NETWORK_ID=… npx tsx main.ts
import { createTribeClient } from 'tribe-sdk';
import { getSdk } from './generated.js';

const { TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET, TRIBE_NETWORK_ID, TRIBE_API_URL } = process.env;
if (!TRIBE_CLIENT_ID || !TRIBE_CLIENT_SECRET || !TRIBE_NETWORK_ID) {
  console.error('Set TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET and TRIBE_NETWORK_ID.');
  process.exit(2);
}

const client = createTribeClient({
  clientId: TRIBE_CLIENT_ID,
  clientSecret: TRIBE_CLIENT_SECRET,
  networkId: TRIBE_NETWORK_ID,
  endpoint: TRIBE_API_URL,
  getSdk,
});

try {
  // client.sdk has exactly your operations; the result type is what networkOverview.graphql selects.
  const { network, spaces } = await client.sdk.networkOverview({ spaces: 3 });
  console.log(`network: ${network.name}, ${network.membersCount ?? '?'} members, ${spaces.totalCount} spaces`);
  for (const space of spaces.nodes ?? []) console.log(`space: ${space.name} (${space.postsCount ?? 0} posts)`);
} finally {
  client.close();
}
