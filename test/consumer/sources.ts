/**
 * Files of the consumer project, kept as text so that the repository's own type check and test run never
 * pick them up: they import `tribe-sdk` by name, which only resolves inside the consumer project.
 */

/** An ES module that starts the packaged emulator, mints a bot token and runs a query. */
export const ESM_CONSUMER = `
import { createTribeSdk, TribeError } from 'tribe-sdk';
import { startEmulator } from 'tribe-sdk-tools/emulator';
import { NetworkDocument } from 'tribe-sdk/generated';

const emulator = await startEmulator();
try {
  const sdk = await createTribeSdk({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    networkId: emulator.networkId,
    endpoint: emulator.url,
  });
  const { network } = await sdk.network();
  const { spaces } = await sdk.spaces({ limit: 2 });
  console.log(JSON.stringify({
    networkId: network.id,
    spaces: spaces.nodes.length,
    tribeError: typeof TribeError,
    document: NetworkDocument.kind,
    mints: emulator.requestCount('limitedToken'),
  }));
} finally {
  await emulator.close();
}
`;

/** A CommonJS file that require()s the package (Node >= 20.19 loads ES modules this way) and queries. */
export const CJS_CONSUMER = `
const { createTribeClient, TribeAuthError } = require('tribe-sdk');

async function main() {
  const client = createTribeClient({
    clientId: process.env.TRIBE_CLIENT_ID,
    clientSecret: process.env.TRIBE_CLIENT_SECRET,
    networkId: process.env.TRIBE_NETWORK_ID,
    endpoint: process.env.TRIBE_API_URL,
  });
  const member = client.impersonate(process.env.TRIBE_MEMBER_ID);
  const { authMember } = await member.authMember();
  const { network } = await client.sdk.network();
  let wrongSecret = 'none';
  try {
    await createTribeClient({
      clientId: process.env.TRIBE_CLIENT_ID,
      clientSecret: 'not-the-secret',
      networkId: process.env.TRIBE_NETWORK_ID,
      endpoint: process.env.TRIBE_API_URL,
    }).getAccessToken();
  } catch (error) {
    wrongSecret = error instanceof TribeAuthError ? error.code : String(error);
  }
  client.close();
  console.log(JSON.stringify({ memberId: authMember.id, networkId: network.id, wrongSecret }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/**
 * A TypeScript consumer whose checks fail to compile when results stop being operation-precise:
 * every \`@ts-expect-error\` must meet an error, and the Equal assertions must hold.
 */
export const TYPED_CONSUMER = `
import { createTribeClient, createTribeSdk, TribeError, type TribeClientOptions, type TribeSdk } from 'tribe-sdk';
import { PostsDocument, type NetworkQuery, type PostsQuery, type PostsQueryVariables } from 'tribe-sdk/generated';
import { startEmulator, type RunningEmulator } from 'tribe-sdk-tools/emulator';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectTrue<T extends true>(): T | void {}

export async function typed(emulator: RunningEmulator): Promise<string> {
  const options: TribeClientOptions = { clientId: emulator.clientId, clientSecret: emulator.clientSecret, networkId: emulator.networkId, endpoint: emulator.url };
  const sdk: TribeSdk = await createTribeSdk(options);

  const { network } = await sdk.network();
  expectTrue<Equal<typeof network, NetworkQuery['network']>>();
  expectTrue<Equal<typeof network.name, string>>();
  expectTrue<Equal<typeof network.description, string | null>>();
  // @ts-expect-error description is nullable, so it is not a plain string
  const description: string = network.description;
  // @ts-expect-error the network operation does not select the network's posts
  void network.posts;

  const { posts } = await sdk.posts({ limit: 5 });
  expectTrue<Equal<typeof posts, PostsQuery['posts']>>();
  expectTrue<Equal<Parameters<TribeSdk['posts']>[0], PostsQueryVariables>>();
  // @ts-expect-error limit is an Int
  await sdk.posts({ limit: 'five' });
  // @ts-expect-error posts requires its variables
  await sdk.posts();

  const viaRequest = await createTribeClient(options).request(PostsDocument, { limit: 5 });
  expectTrue<Equal<typeof viaRequest, PostsQuery>>();
  // @ts-expect-error extra is not a variable of posts, through tribe.request as through tribe.sdk
  await createTribeClient(options).request(PostsDocument, { limit: 5, extra: 1 });

  const error: unknown = new Error('x');
  if (error instanceof TribeError) expectTrue<Equal<typeof error.code, TribeError['code']>>();
  await startEmulator({ port: 0 }).then((other) => other.close());
  return network.name + description;
}
`;

/** An entry that pulls in everything "." exports, for the browser bundle. */
export const BROWSER_ENTRY = `export * from 'tribe-sdk';\n`;
