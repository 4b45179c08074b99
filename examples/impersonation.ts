// Impersonation: the app acts as one member, e.g. to post in their name. Needs TRIBE_MEMBER_ID too.
// Run: TRIBE_CLIENT_ID=… TRIBE_CLIENT_SECRET=… TRIBE_NETWORK_ID=… TRIBE_MEMBER_ID=… npx tsx impersonation.ts
import { createTribeClient } from 'tribe-sdk';

const { TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET, TRIBE_NETWORK_ID, TRIBE_API_URL, TRIBE_MEMBER_ID } = process.env;
if (!TRIBE_CLIENT_ID || !TRIBE_CLIENT_SECRET || !TRIBE_NETWORK_ID || !TRIBE_MEMBER_ID) {
  console.error('Set TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET, TRIBE_NETWORK_ID and TRIBE_MEMBER_ID.');
  process.exit(2);
}

const client = createTribeClient({
  clientId: TRIBE_CLIENT_ID,
  clientSecret: TRIBE_CLIENT_SECRET,
  networkId: TRIBE_NETWORK_ID,
  endpoint: TRIBE_API_URL,
});

try {
  // The member's SDK shares the client's token cache; its token is minted with impersonateMemberId.
  const member = client.impersonate(TRIBE_MEMBER_ID);
  const { authMember } = await member.authMember();
  console.log(`acting as ${authMember.name ?? authMember.username} (${authMember.id})`);

  // The bot finds a space; the member posts there, so the post is theirs.
  const { spaces } = await client.sdk.spaces({ limit: 1 });
  const space = spaces.nodes?.[0];
  if (!space) throw new Error('the network has no space to post in');
  const { createPost } = await member.createPost({
    spaceId: space.id,
    input: {
      postTypeId: process.env.TRIBE_POST_TYPE_ID ?? 'PtyDiscuss',
      publish: true,
      mappingFields: [
        { key: 'title', type: 'text', value: JSON.stringify('Posted by an app, as a member') },
        { key: 'content', type: 'html', value: JSON.stringify('<p>Hello from tribe-sdk.</p>') },
      ],
    },
  });
  console.log(`created post ${createPost.id} "${createPost.title}" in ${space.name}, owner ${createPost.ownerId}`);
} finally {
  client.close();
}
