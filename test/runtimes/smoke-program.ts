/**
 * The one program every runtime of the matrix runs against the emulator. It imports nothing: the
 * runtime's entry hands it the `tribe-sdk` module it loaded (by `import` or `require`), so the same
 * code checks what each runtime resolved from the packed package.
 */
import type * as TribeSdkMain from '../../src/index.js';
import type * as TribeWebhooksModule from '../../src/webhooks/index.js';

/** What the runtime's entry hands the program: the root entry, and the webhooks entry as `webhooks`. */
type TribeSdkModule = typeof TribeSdkMain & { webhooks: typeof TribeWebhooksModule };

/** Where the emulator is and what it holds, as the test process knows it. */
export interface SmokeTarget {
  /** The name of the runtime, written into the post the program creates. */
  runtime: string;
  url: string;
  clientId: string;
  clientSecret: string;
  networkId: string;
  memberId: string;
  uninstalledNetworkId: string;
  spaceId: string;
  postTypeId: string;
}

/** What the program saw; the test compares it with the emulator's own state. */
export interface SmokeResult {
  networkId: string;
  botTokenIsJwt: boolean;
  memberId: string;
  /** The IDs `paginate` walked through, page size 2. */
  postIds: string[];
  createdPost: { id: string; title: string | null; ownerId: string | null };
  forbidden: {
    code: string;
    isForbiddenError: boolean;
    isTribeError: boolean;
    isError: boolean;
  };
  /** A delivery signed and verified in this runtime (WebCrypto), then the same one with a byte changed. */
  webhook: { verifiedType: string; challenge: unknown; tamperedReason: string };
}

/** Mints (bot and member), queries, pages, writes once and meets one expected TribeForbiddenError. */
export async function runSmoke(sdk: TribeSdkModule, target: SmokeTarget): Promise<SmokeResult> {
  const options = {
    clientId: target.clientId,
    clientSecret: target.clientSecret,
    networkId: target.networkId,
    endpoint: target.url,
  };
  const tribe = sdk.createTribeClient(options);
  try {
    const { accessToken } = await tribe.getAccessToken();
    const { network } = await tribe.sdk.network();
    const member = tribe.impersonate(target.memberId);
    const { authMember } = await member.authMember();
    const postIds: string[] = [];
    for await (const post of sdk.paginate(tribe.sdk.posts, { limit: 2 })) postIds.push(post.id);
    const title = `Smoke test from ${target.runtime}`;
    const { createPost } = await member.createPost({
      spaceId: target.spaceId,
      input: {
        postTypeId: target.postTypeId,
        publish: true,
        mappingFields: [
          { key: 'title', type: 'text', value: JSON.stringify(title) },
          {
            key: 'content',
            type: 'html',
            value: JSON.stringify('<p>written by the runtime matrix</p>'),
          },
        ],
      },
    });
    return {
      networkId: network.id,
      botTokenIsJwt: accessToken.split('.').length === 3,
      memberId: authMember.id,
      postIds,
      createdPost: {
        id: createPost.id,
        title: createPost.title,
        ownerId: createPost.ownerId,
      },
      forbidden: await forbiddenMint(sdk, {
        ...options,
        networkId: target.uninstalledNetworkId,
      }),
      webhook: await webhookRoundTrip(sdk.webhooks, target.networkId),
    };
  } finally {
    tribe.close();
  }
}

/** Signs a TEST delivery, verifies it, and verifies it again with one byte of the body changed. */
async function webhookRoundTrip(webhooks: typeof TribeWebhooksModule, networkId: string): Promise<SmokeResult['webhook']> {
  const signingSecret = 'matrix-signing-secret';
  const signed = await webhooks.signWebhook({ type: 'TEST', networkId, data: { challenge: 'matrix-challenge' } }, { signingSecret });
  const event = await webhooks.verifyWebhook({ rawBody: signed.body, headers: signed.headers }, { signingSecret });
  const tampered = await webhooks.verifyWebhook({ rawBody: signed.body.replace('matrix', 'matrlx'), headers: signed.headers }, { signingSecret }).then(
    () => 'accepted',
    (error: unknown) => (error instanceof webhooks.TribeWebhookError ? error.reason : String(error)),
  );
  return { verifiedType: event.type, challenge: (event.data as { challenge?: unknown }).challenge, tamperedReason: tampered };
}

/** Mints for a network where the app is not installed: the API answers Forbidden. */
async function forbiddenMint(sdk: TribeSdkModule, options: TribeSdkMain.TribeAuthOptions): Promise<SmokeResult['forbidden']> {
  try {
    await sdk.mintAccessToken(options);
  } catch (error) {
    return {
      code: error instanceof sdk.TribeError ? error.code : String(error),
      isForbiddenError: error instanceof sdk.TribeForbiddenError,
      isTribeError: error instanceof sdk.TribeError,
      isError: error instanceof Error,
    };
  }
  throw new Error('smoke: minting for the uninstalled network succeeded');
}
