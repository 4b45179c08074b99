// Pagination: paginate() follows Tribe's limit/after cursors, so a loop sees every post once.
// Run: TRIBE_CLIENT_ID=… TRIBE_CLIENT_SECRET=… TRIBE_NETWORK_ID=… npx tsx pagination.ts
import { createTribeClient, paginate } from 'tribe-sdk';

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
});

try {
  // Node by node: pages of 20 are fetched as the loop needs them.
  let count = 0;
  for await (const post of paginate(client.sdk.posts, { limit: 20 })) {
    count += 1;
    if (count <= 3) console.log(`post: ${post.title ?? post.id}`);
  }
  console.log(`posts: ${count}`);

  // Page by page, when you want the counters or to stop early: here at most 25 spaces.
  for await (const page of paginate(client.sdk.spaces, { limit: 10 }, { maxItems: 25 }).pages()) {
    console.log(`spaces page: ${page.nodes.length} of ${page.totalCount}`);
  }
} finally {
  client.close();
}
