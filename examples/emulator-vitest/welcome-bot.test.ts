// Testing your own app against the emulator: a real HTTP server on 127.0.0.1, no mocks, no credentials.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTribeClient, TribeForbiddenError, TribeNetworkError, type TribeClient } from 'tribe-sdk';
import { startEmulator, type RunningEmulator } from 'tribe-sdk-tools/emulator';
import { welcomeMember } from './welcome-bot.js';

let emulator: RunningEmulator;
let client: TribeClient;

beforeAll(async () => {
  emulator = await startEmulator(); // demo data: one network, its app, members and spaces
  client = createTribeClient({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    networkId: emulator.networkId,
    endpoint: emulator.url,
    maxRetries: 0, // fail fast in tests
  });
});
afterEach(() => emulator.reset()); // ends injected faults and clears the request log
afterAll(async () => {
  client.close();
  await emulator.close();
});

describe('welcomeMember', () => {
  it('posts a welcome that names the member, in the chosen space', async () => {
    const memberId = emulator.memberIds[0]!;
    const postId = await welcomeMember(client, memberId, 'General');
    const { post } = await client.sdk.post({ id: postId });
    const { member } = await client.sdk.member({ id: memberId });
    expect(post.title).toBe(`Welcome, ${member.name ?? member.username}!`);
    expect(post.space?.name).toBe('General');
    expect(emulator.requestCount('createPost')).toBe(1);
  });

  it('surfaces an outage as an error instead of a silent no-op', async () => {
    emulator.injectFault({ operation: 'createPost', status: 503 });
    await expect(welcomeMember(client, emulator.memberIds[0]!, 'General')).rejects.toBeInstanceOf(TribeNetworkError);
  });

  it('cannot act on a network where the app is not installed', async () => {
    const elsewhere = createTribeClient({
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      networkId: emulator.uninstalledNetworkId,
      endpoint: emulator.url,
    });
    await expect(elsewhere.getAccessToken()).rejects.toBeInstanceOf(TribeForbiddenError);
    elsewhere.close();
  });
});
