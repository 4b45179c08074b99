// A complete interactive app on node:http: a poll block with a vote form, its settings page, a "favorite" shortcut
// on posts, results in the community's search, and a subscription that shows the latest post in the block.
// Run: TRIBE_SIGNING_SECRET=… PORT=3000 npm run example:interactive
// Try it on the emulator: npx tribe-sdk emulator --webhook-url http://127.0.0.1:3000/webhook
import { createServer } from 'node:http';
import { createWebhookHandler, toNodeListener } from 'tribe-sdk/webhooks';
import { pollApp } from './poll-app.js';

const { TRIBE_SIGNING_SECRET, PORT = '3000' } = process.env;
if (!TRIBE_SIGNING_SECRET) {
  console.error('Set TRIBE_SIGNING_SECRET (the app signing secret) and optionally PORT (default 3000).');
  process.exit(2);
}

const handler = createWebhookHandler({
  signingSecret: TRIBE_SIGNING_SECRET,
  ...pollApp,
  // Refusals, failures and requests for blocks the app does not have; the platform only sees a generic answer.
  onError: (error) => console.error(`webhook error: ${error instanceof Error ? error.message : String(error)}`),
});

const server = createServer(toNodeListener(handler));
server.listen(Number(PORT), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : PORT}/webhook`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    handler.close();
    server.close();
    server.closeAllConnections();
  });
}
