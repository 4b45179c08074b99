import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTribeClient, createTribeSdk, mintAccessToken } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';
import { basicHeader } from '../emulator/raw-graphql.js';

const emulator = useEmulator();

describe('the Authorization header the API receives', () => {
  it('mints once with Basic base64(utf8(id:secret)), then sends Bearer <token> on every call', async () => {
    const e = emulator.current;
    const client = createTribeClient(appOptions(e));
    const { sdk } = client;
    await sdk.network();
    await sdk.spaces({ limit: 2 });
    await sdk.posts({ limit: 3 });
    await sdk.authMember();
    const { createPost } = await sdk.createPost({
      spaceId: 'SpcGeneral',
      input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [{ key: 'title', type: 'text', value: '"Header check"' }] },
    });
    await sdk.addReaction({ postId: createPost.id, input: { reaction: 'like' } });
    const { accessToken } = await client.getAccessToken();
    client.close();

    expect(e.requests.map((request) => [request.operationName, request.authorization])).toEqual([
      ['limitedToken', basicHeader(e.clientId, e.clientSecret)],
      ['network', `Bearer ${accessToken}`],
      ['spaces', `Bearer ${accessToken}`],
      ['posts', `Bearer ${accessToken}`],
      ['authMember', `Bearer ${accessToken}`],
      ['createPost', `Bearer ${accessToken}`],
      ['addReaction', `Bearer ${accessToken}`],
    ]);
    expect(basicHeader(e.clientId, e.clientSecret)).toBe(`Basic ${Buffer.from('demo-client-id:demo-client-secret').toString('base64')}`);
  });

  it('sends the bearer of each member SDK with its own calls, and the Basic header never after the mint', async () => {
    const e = emulator.current;
    const client = createTribeClient(appOptions(e));
    const [first, second] = [e.memberIds[2]!, e.memberIds[3]!];
    await Promise.all([client.impersonate(first).authMember(), client.impersonate(second).authMember(), client.sdk.network()]);
    const tokens = {
      bot: (await client.getAccessToken()).accessToken,
      first: (await client.getAccessToken({ memberId: first })).accessToken,
      second: (await client.getAccessToken({ memberId: second })).accessToken,
    };
    client.close();
    const calls = e.requests.filter((request) => request.operationName !== 'limitedToken');
    expect(calls.map((request) => request.authorization).sort()).toEqual([`Bearer ${tokens.first}`, `Bearer ${tokens.second}`, `Bearer ${tokens.bot}`].sort());
    for (const mint of e.requests.filter((request) => request.operationName === 'limitedToken')) {
      expect(mint.authorization).toBe(basicHeader(e.clientId, e.clientSecret));
    }
  });
});

describe('bot and member tokens', () => {
  it('without memberId mints a bot token: authMember is the app bot and the mint sent no impersonateMemberId', async () => {
    const e = emulator.current;
    const sdk = await createTribeSdk(appOptions(e));
    const { authMember } = await sdk.authMember();
    expect(authMember.id).toBe(e.store.data.apps[0]!.botMemberId);
    const [mint] = e.requests;
    expect(mint?.operationName).toBe('limitedToken');
    expect(mint?.variables).toEqual({ context: 'NETWORK', networkId: e.networkId, entityId: e.networkId });
    expect(mint?.variables).not.toHaveProperty('impersonateMemberId');
  });

  it('with memberId mints a member token: authMember is that member and the mint sent impersonateMemberId', async () => {
    const e = emulator.current;
    const memberId = e.memberIds[2]!;
    const sdk = await createTribeSdk({ ...appOptions(e), memberId });
    const { authMember } = await sdk.authMember();
    expect(authMember.id).toBe(memberId);
    expect(e.requests[0]?.variables).toEqual({ context: 'NETWORK', networkId: e.networkId, entityId: e.networkId, impersonateMemberId: memberId });
  });

  it('mintAccessToken returns the token with expiresAt read from its exp claim, and no gatewayUrl unless the API sends one', async () => {
    const e = emulator.current;
    const token = await mintAccessToken(appOptions(e));
    const claims = decodeJwt(token.accessToken);
    expect(token.expiresAt).toBe(claims.exp! * 1000);
    expect(token.gatewayUrl).toBeUndefined();
    expect(e.requestCount('limitedToken')).toBe(1);
    expect(e.requestCount()).toBe(1);
  });
});
