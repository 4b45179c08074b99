import { afterAll, describe, expect, it } from 'vitest';
import { createTribeClient, type TribeClient, TribeForbiddenError } from '../../src/index.js';
import { basicHeader, postGraphQL } from '../emulator/raw-graphql.js';
import { appOptions, useEmulator } from '../support/emulator.js';
import { ownEmulatorAndClient } from './own-client.js';
import { claimsOf } from './raw-sdk.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

describe('arguments the 2024 schema added to existing root fields', () => {
  it('limitedToken mints without context and entityId, which 2024 made optional (NETWORK and the network ID)', async () => {
    const { networkId, clientId, clientSecret, url } = emulator.current;
    const query = 'query limitedToken($networkId: String!) { limitedToken(networkId: $networkId) { accessToken } }';
    const answer = await postGraphQL(url, query, { variables: { networkId }, authorization: basicHeader(clientId, clientSecret) });
    const token = answer.body.data?.limitedToken as { accessToken: string } | undefined;
    expect(answer.status).toBe(200);
    expect(claimsOf(token!.accessToken)).toMatchObject({ networkId, id: emulator.current.store.data.apps[0]!.botMemberId });
  });

  it('member(externalId) finds the member an integration tagged', async () => {
    const { member } = await tribe().sdk.member({ externalId: 'crm-0042' });
    expect(member).toMatchObject({ id: 'MbrMargaH4', name: 'Margaret Hamilton' });
  });

  it('posts(query) filters by text, and orderByString sorts as orderBy does', async () => {
    const { posts } = await tribe().sdk.posts({ limit: 10, query: 'calibration' });
    expect(posts.nodes?.map((post) => post.title)).toEqual(['3D printer calibration tips']);
    const byString = await tribe().sdk.posts({ limit: 3, orderByString: 'reactionsCount' });
    expect(byString.posts.nodes?.[0]?.id).toBe('Pst0000001');
    const feed = await tribe().impersonate('MbrLinusT3').feed({ limit: 3, orderByString: 'reactionsCount' });
    expect(feed.feed.nodes?.[0]?.id).toBe('Pst0000001');
  });

  it('tags(ids) keeps the tags asked for', async () => {
    const { tags } = await tribe().sdk.tags({ limit: 10, ids: ['TagSoftware'] });
    expect(tags.nodes?.map((tag) => tag.title)).toEqual(['Software']);
  });

  it('spaces(filterBy, exploreOnly) filter on the stored spaces', async () => {
    const { own, ownClient } = await ownEmulatorAndClient();
    const privateOnes = await ownClient.sdk.spaces({ limit: 10, filterBy: [{ key: 'private', operator: 'equals', value: 'true' }] });
    expect(privateOnes.spaces.nodes?.map((space) => space.id)).toEqual(['SpcCrewOnly']);
    const starting = await ownClient.sdk.spaces({ limit: 10, filterBy: [{ key: 'name', operator: 'startsWith', value: 'show' }] });
    expect(starting.spaces.nodes?.map((space) => space.id)).toEqual(['SpcShowTel']);
    own.store.space('SpcShowTel')!.hidden = true;
    const explore = await ownClient.sdk.spaces({ limit: 10, exploreOnly: true });
    expect(explore.spaces.nodes?.map((space) => space.id)).toEqual(['SpcGeneral', 'SpcCrewOnly']);
    expect((await ownClient.sdk.spaces({ limit: 10 })).spaces.totalCount).toBe(3);
  });

  it('removeReaction(participantId) lets an admin take back a member\'s reaction, and no one else', async () => {
    const { own, ownClient } = await ownEmulatorAndClient();
    const postId = 'Pst0000001';
    await expect(
      ownClient.impersonate('MbrMargaH4').removeReaction({ postId, reaction: 'like', participantId: 'MbrGraceH2' }),
    ).rejects.toBeInstanceOf(TribeForbiddenError);
    await ownClient.sdk.removeReaction({ postId, reaction: 'like', participantId: 'MbrGraceH2' });
    expect(own.store.post(postId)!.reactions.like).toEqual(['MbrLinusT3']);
    expect((await ownClient.sdk.post({ id: postId })).post.reactionsCount).toBe(1);
  });
});
