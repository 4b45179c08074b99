// A webhook app on node:http: verifies the platform's signed deliveries, welcomes each new post with a reply
// from the bot, and answers an interaction. Needs TRIBE_SIGNING_SECRET (the app's signing secret) too.
// Run: TRIBE_CLIENT_ID=… TRIBE_CLIENT_SECRET=… TRIBE_SIGNING_SECRET=… PORT=3000 npx tsx webhook-app.ts
// Try it on the emulator: npx tribe-sdk emulator --webhook-url http://127.0.0.1:3000/webhook
import { createServer } from 'node:http';
import { createWebhookHandler, interactionAnswer, openToast, toNodeListener } from 'tribe-sdk/webhooks';

const { TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET, TRIBE_API_URL, TRIBE_SIGNING_SECRET, PORT = '3000' } = process.env;
if (!TRIBE_CLIENT_ID || !TRIBE_CLIENT_SECRET || !TRIBE_SIGNING_SECRET) {
  console.error('Set TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET and TRIBE_SIGNING_SECRET (and TRIBE_API_URL for another endpoint).');
  process.exit(2);
}

const handler = createWebhookHandler({
  signingSecret: TRIBE_SIGNING_SECRET,
  // Each handler gets `client` for the delivery's network, acting as the app's bot.
  client: { clientId: TRIBE_CLIENT_ID, clientSecret: TRIBE_CLIENT_SECRET, endpoint: TRIBE_API_URL },
  on: {
    'post.published': async (event, { client }) => {
      const post = event.data.object;
      // Replies are posts too, the bot's own included: answer only top-level posts.
      if (post.repliedToId) return;
      const { authMember: author } = await client.impersonate(event.data.actor.id).authMember();
      const { createReply } = await client.sdk.createReply({
        postId: post.id,
        input: { postTypeId: 'PtyComment', mappingFields: [{ key: 'content', type: 'html', value: JSON.stringify(`<p>Welcome, ${author.name}!</p>`) }] },
      });
      console.log(`post.published ${post.id}: replied ${createReply.id}`);
    },
  },
  onInteraction: (event) => interactionAnswer(openToast(event.data.interactionId, { title: 'Thanks!', status: 'SUCCESS' })),
  // Log refusals and failures here; the platform only ever sees a generic answer.
  onError: (error) => console.error(`webhook error: ${error instanceof Error ? error.message : String(error)}`),
});

const server = createServer(toNodeListener(handler));
server.listen(Number(PORT), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : PORT}/webhook`);
});
process.once('SIGTERM', () => {
  handler.close();
  server.close();
  server.closeAllConnections();
});
