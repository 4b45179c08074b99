import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import { createTribeClient, imageHtml, mintAccessToken, paginate, redactToken, TribeError, type TribeClient } from 'tribe-sdk';
import { DEMO_BLOCK, startDemoWebhookApp, type DemoWebhookApp } from './demo-webhook-app.js';

type Env = Record<string, string | undefined>;

/** The endpoint as it may be printed: without credentials written into it. */
function withoutCredentials(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return '(an endpoint that is not a URL)';
  }
}
type Print = (line: string) => void;

/** The image the demo uploads into its post: a 1x1 PNG. */
const DEMO_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (char) =>
  char.charCodeAt(0),
);

async function pageThroughPosts(client: TribeClient, print: Print): Promise<void> {
  let page = 0;
  let seen = 0;
  for await (const posts of paginate(client.sdk.posts, { limit: 5 }).pages()) {
    page += 1;
    seen += posts.nodes.length;
    print(`   page ${page}: ${posts.nodes.map((post) => post.title ?? post.id).join(' | ')}`);
  }
  print(`   ${seen} posts in ${page} pages`);
}

async function readOnlyWalk(client: TribeClient, print: Print): Promise<void> {
  const token = await client.getAccessToken();
  print(`1. Minted a bot token with HTTP Basic auth: ${redactToken(token.accessToken)}`);
  if (token.expiresAt) print(`   it expires at ${new Date(token.expiresAt).toISOString()}`);
  if (token.gatewayUrl) print(`   the network's gateway is ${token.gatewayUrl}`);
  const { network } = await client.sdk.network();
  print(`2. Network: ${network.name} (${network.id})`);
  const { spaces } = await client.sdk.spaces({ limit: 10 });
  print(`3. Spaces (${spaces.totalCount}): ${spaces.nodes?.map((space) => space.name).join(', ')}`);
}

async function emulatorWalk(emulator: RunningEmulator, app: DemoWebhookApp, print: Print): Promise<void> {
  const options = { clientId: emulator.clientId, clientSecret: emulator.clientSecret, networkId: emulator.networkId, endpoint: emulator.url };
  const client = createTribeClient(options);
  try {
    await readOnlyWalk(client, print);
    const memberId = emulator.memberIds[2]!;
    const member = client.impersonate(memberId);
    const { authMember } = await member.authMember();
    const { spaces } = await client.sdk.spaces({ limit: 1 });
    const space = spaces.nodes![0]!;
    const [image] = await client.uploadImages([{ file: DEMO_PNG, contentType: 'image/png', name: 'demo.png' }], { memberId });
    const { createPost } = await member.createPost({
      spaceId: space.id,
      input: {
        postTypeId: 'PtyDiscuss',
        publish: true,
        mappingFields: [
          { key: 'title', type: 'text', value: JSON.stringify('Hello from tribe-sdk') },
          { key: 'content', type: 'html', value: JSON.stringify(`<p>Posted by the demo, as a member.</p>${imageHtml(image!)}`) },
        ],
      },
    });
    print(`4. Acting as ${authMember.name}, created post ${createPost.id} "${createPost.title}" in ${space.name}`);
    const embedded = createPost.fields?.find((field) => field.key === 'content')?.value?.includes(image!.url) ?? false;
    print(
      `   with image ${image!.id} (${image!.size} bytes) uploaded to ${image!.url}${embedded ? ', embedded in its content' : ', but its content lacks it'}`,
    );
    await client.sdk.addReaction({ postId: createPost.id, input: { reaction: 'like' } });
    const { post } = await client.sdk.post({ id: createPost.id });
    print(`5. The bot reacted: ${post.reactions?.map((reaction) => `${reaction.reaction} x${reaction.count}`).join(', ')}`);
    print('6. Paging through the posts, 5 at a time:');
    await pageThroughPosts(client, print);
    try {
      await mintAccessToken({ ...options, networkId: emulator.uninstalledNetworkId });
      print('7. Unexpected: minting for a network without the app succeeded');
    } catch (error) {
      print(`7. Minting for network ${emulator.uninstalledNetworkId}, where the app is not installed:`);
      print(`   ${error instanceof TribeError ? `${error.name} [${error.code}]: ${error.message}` : String(error)}`);
    }
    await webhookLoop(emulator, app, createPost.id, print);
    await interactionRoundTrip(emulator, print);
  } finally {
    client.close();
  }
}

/** Shows the app half: the emulator's signed deliveries reaching the demo's handler, and the handler's reply. */
async function webhookLoop(emulator: RunningEmulator, app: DemoWebhookApp, postId: string, print: Print): Promise<void> {
  const webhooks = emulator.webhooks!;
  const checked = await webhooks.urlCheck;
  await webhooks.idle();
  const reply = app.replies.find((candidate) => candidate.postId === postId);
  print(`8. The app's webhook handler at ${app.url} ${checked ? 'answered the URL check' : 'failed the URL check'} and received post.published for ${postId}`);
  print(reply ? `   it replied as the bot through the SDK: ${reply.replyId} "${reply.text}"` : '   it did not reply');
  const answered = webhooks.deliveries.filter((record) => record.status === 200).length;
  const types = [...new Set(webhooks.deliveries.map((record) => record.name ?? record.type))].sort();
  print(`   ${webhooks.deliveries.length} signed deliveries, ${answered} answered 200: ${types.join(', ')}`);
}

/** Shows the platform side: the emulator loads the app's block as a member, submits its form, and checks both answers. */
async function interactionRoundTrip(emulator: RunningEmulator, print: Print): Promise<void> {
  const actor = emulator.memberIds[2]!;
  const load = await emulator.interact({ block: DEMO_BLOCK, actor });
  const slate = load.interactions[0]?.slate as { blocks?: Array<{ name: string }> } | undefined;
  print(`9. The emulator loaded the app's block "${DEMO_BLOCK}" as ${actor}, signed: ${load.valid ? 'a valid' : 'an invalid'} answer`);
  print(`   ${load.interactions.map((item) => item.type).join(', ')} of a slate with ${slate?.blocks?.map((block) => block.name).join(', ')}`);
  const submit = await emulator.interact({ block: DEMO_BLOCK, actor, callbackId: 'submit', inputs: { name: 'Linus' } });
  const toast = submit.interactions.find((item) => item.type === 'OPEN_TOAST');
  print(
    `   submitting its form (callback "submit", name "Linus") answered ${submit.interactions.map((item) => item.type).join(' + ')}: "${String(toast?.props?.title)}"`,
  );
  for (const problem of [...load.problems, ...submit.problems]) print(`   problem: ${problem}`);
}

/**
 * `tribe-sdk demo` (npm start): walks through the SDK, and on the emulator also the app's webhook half and one interaction round trip. Against the built-in emulator by default; with
 * TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET and TRIBE_NETWORK_ID set, the read-only part runs on the real API.
 */
export async function demoCommand(env: Env, print: Print = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const { TRIBE_CLIENT_ID: clientId, TRIBE_CLIENT_SECRET: clientSecret, TRIBE_NETWORK_ID: networkId, TRIBE_API_URL: endpoint } = env;
  if (clientId && clientSecret && networkId) {
    print(`tribe-sdk demo against ${endpoint === undefined ? 'the default endpoint' : withoutCredentials(endpoint)} (read-only)`);
    const client = createTribeClient({ clientId, clientSecret, networkId, endpoint });
    try {
      await readOnlyWalk(client, print);
    } finally {
      client.close();
    }
    return 0;
  }
  const app = await startDemoWebhookApp();
  try {
    const emulator = await startEmulator({ webhooks: { url: app.url, signingSecret: app.signingSecret }, app: { dynamicBlocks: [DEMO_BLOCK] } });
    app.attach(emulator);
    try {
      print(`tribe-sdk demo against the built-in emulator at ${emulator.url}`);
      print('(set TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET and TRIBE_NETWORK_ID to run the read-only part against Tribe)');
      await emulatorWalk(emulator, app, print);
    } finally {
      await emulator.close();
    }
  } finally {
    await app.close();
  }
  return 0;
}
