import { describe, expect, it } from 'vitest';
import { startOwnEmulator } from '../support/emulator.js';
import { asBearer, mintTokenRaw, postGraphQL } from './raw-graphql.js';

// Operations written the way public Bettermode apps write them: deprecated get* names, deep selections
// into fields the emulator stores nothing for, and mutations beyond the SDK's own operations.

const GET_POST = `query GetPost($postId: ID!) {
  getPost(postId: $postId) {
    id title
    reactions { reaction count reacted participants(limit: 5) { nodes { participant { id name blockedMembers { id roleId role { name } } } } } }
    tags { id title }
    owner { member { id roleId blockedMembers { roleId } } }
    space { id name members(limit: 2) { nodes { member { id roleId } } } }
  }
}`;

const PARTICIPANTS = `query Participants($postId: ID!) {
  postReactionParticipants(postId: $postId, reaction: "like", limit: 10) {
    totalCount
    nodes { participant { id roleId blockedMembers { id roleId role { id name } } spaces(limit: 1) { nodes { id } } } }
  }
}`;

const NOT_MODELLED = { code: '118', extensions: { notModelled: true } };

describe('operations of public apps against the emulator', () => {
  it('getPost answers the stored post asked for, and generated members under it do not crash the stored-type resolvers', async () => {
    const e = await startOwnEmulator();
    const token = await mintTokenRaw(e);
    const answer = await asBearer(e, token, GET_POST, { postId: 'Pst0000001' });
    expect(answer.body.errors).toBeUndefined();
    const post = answer.body.data!.getPost;
    const stored = e.store.post('Pst0000001')!;
    expect(post.id).toBe(stored.id);
    expect(post.title).toBe(stored.title);
    expect(post.reactions).toEqual([expect.objectContaining({ reaction: 'like', count: 2 })]);
    expect(post.reactions[0].participants.nodes.map((node: { participant: { id: string } }) => node.participant.id)).toEqual(['MbrGraceH2', 'MbrLinusT3']);
    expect(post.tags.map((tag: { id: string }) => tag.id)).toEqual(stored.tagIds);
    expect(post.owner.member.id).toBe(stored.ownerId);
    expect(post.space.id).toBe(stored.spaceId);
    const missing = await asBearer(e, token, GET_POST, { postId: 'PstNoSuch' });
    expect(missing.body.errors?.[0]).toMatchObject({ code: '110' });
  });

  it('postReactionParticipants answers the stored reactors; their unstored fields are generated, not a crash', async () => {
    const e = await startOwnEmulator();
    const answer = await asBearer(e, await mintTokenRaw(e), PARTICIPANTS, { postId: 'Pst0000001' });
    expect(answer.body.errors).toBeUndefined();
    const page = answer.body.data!.postReactionParticipants;
    expect(page.totalCount).toBe(2);
    expect(page.nodes.map((node: { participant: { id: string; roleId: string } }) => [node.participant.id, node.participant.roleId])).toEqual([
      ['MbrGraceH2', 'RoleModerator'],
      ['MbrLinusT3', 'RoleMember'],
    ]);
    for (const node of page.nodes) for (const blocked of node.participant.blockedMembers) expect(typeof blocked.roleId).toBe('string');
  });

  it('the deprecated get* names answer from the store like the fields that replaced them', async () => {
    const e = await startOwnEmulator();
    const token = await mintTokenRaw(e);
    const query = `{
      getPosts(limit: 3) { totalCount nodes { id } }
      posts(limit: 3) { totalCount nodes { id } }
      getSpace(spaceSlug: "general") { id }
      getMember(memberId: "MbrLinusT3") { id name }
      getAuthMember { id }
      getNetwork { id }
    }`;
    const answer = await asBearer(e, token, query);
    expect(answer.body.errors).toBeUndefined();
    const data = answer.body.data!;
    expect(data.getPosts).toEqual(data.posts);
    expect(data.getSpace.id).toBe(e.store.data.spaces.find((space) => space.slug === 'general')!.id);
    expect(data.getMember).toEqual({ id: 'MbrLinusT3', name: e.store.member('MbrLinusT3')!.name });
    expect(data.getNetwork.id).toBe(e.networkId);
  });

  it('createSpace stores a space that later queries list; a member may not create one', async () => {
    const e = await startOwnEmulator();
    const bot = await mintTokenRaw(e);
    const create = `mutation { createSpace(input: { name: "Release Notes", private: true, memberIds: ["MbrLinusT3"] }) { id name slug private } }`;
    const created = await asBearer(e, bot, create);
    expect(created.body.errors).toBeUndefined();
    const space = created.body.data!.createSpace;
    expect(space).toMatchObject({ name: 'Release Notes', slug: 'release-notes', private: true });
    expect(e.store.space(space.id)?.memberIds).toEqual([expect.any(String), 'MbrLinusT3']);
    const listed = await asBearer(e, bot, '{ spaces(limit: 20) { nodes { id } } }');
    expect(listed.body.data!.spaces.nodes.map((node: { id: string }) => node.id)).toContain(space.id);
    const member = await asBearer(e, await mintTokenRaw(e, 'MbrMargaH4'), create.replace('Release Notes', 'Other'));
    expect(member.body.errors?.[0]).toMatchObject({ code: '102' });
    expect(e.store.data.spaces.some((candidate) => candidate.name === 'Other')).toBe(false);
  });

  it('subscribe and unsubscribe change what subscriptions lists; an unknown publisher is not found', async () => {
    const e = await startOwnEmulator();
    const linus = await mintTokenRaw(e, 'MbrLinusT3');
    const list = '{ subscriptions(limit: 10) { totalCount nodes { publisherId subscriberId publisher { type post { id } } } } }';
    expect((await asBearer(e, linus, 'mutation { subscribe(publisherId: "Pst0000002") { status } }')).body.data).toEqual({
      subscribe: { status: 'succeeded' },
    });
    expect((await asBearer(e, linus, list)).body.data!.subscriptions).toEqual({
      totalCount: 1,
      nodes: [{ publisherId: 'Pst0000002', subscriberId: 'MbrLinusT3', publisher: { type: 'Post', post: { id: 'Pst0000002' } } }],
    });
    const other = await asBearer(e, await mintTokenRaw(e, 'MbrMargaH4'), list);
    expect(other.body.data!.subscriptions.totalCount).toBe(0);
    await asBearer(e, linus, 'mutation { unsubscribe(publisherId: "Pst0000002") { status } }');
    expect((await asBearer(e, linus, list)).body.data!.subscriptions.totalCount).toBe(0);
    const unknown = await asBearer(e, linus, 'mutation { subscribe(publisherId: "NoSuchThing") { status } }');
    expect(unknown.body.errors?.[0]).toMatchObject({ code: '110' });
  });

  it('loginNetworkWithPassword gives a working member token; logoutNetwork revokes the token it came with', async () => {
    const e = await startOwnEmulator();
    const guest = await postGraphQL(e.url, `{ tokens(networkId: "${e.networkId}") { accessToken } }`);
    const guestToken = guest.body.data!.tokens.accessToken as string;
    const login = (password: string) =>
      asBearer(
        e,
        guestToken,
        `mutation { loginNetworkWithPassword(input: { usernameOrEmail: "linus", password: "${password}" }) { accessToken member { id } } }`,
      );
    expect((await login('wrong')).body.errors?.[0]).toMatchObject({ code: '100' });
    const answer = await login('demo-password');
    expect(answer.body.errors).toBeUndefined();
    const { accessToken, member } = answer.body.data!.loginNetworkWithPassword;
    expect(member.id).toBe('MbrLinusT3');
    expect((await asBearer(e, accessToken, '{ authMember { id } }')).body.data).toEqual({ authMember: { id: 'MbrLinusT3' } });
    const logout = await asBearer(e, accessToken, 'mutation { logoutNetwork(input: { sessionId: "s" }) { status } }');
    expect(logout.body.data).toEqual({ logoutNetwork: { status: 'succeeded' } });
    const after = await asBearer(e, accessToken, '{ authMember { id } }');
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]).toMatchObject({ code: '108' });
  });

  it('mutations and queries it does not model answer a Tribe-shaped "not modelled" error and change nothing', async () => {
    const e = await startOwnEmulator();
    const token = await mintTokenRaw(e);
    const before = JSON.stringify(e.store.data);
    const requestCode = await asBearer(e, token, 'mutation { requestGlobalTokenCode(input: { email: "a@b.c" }) { status } }');
    const settings = await asBearer(e, token, '{ subscriberSettings { id emailSubscriptionEnabled } }');
    const template = await asBearer(e, token, 'mutation { createSpaceFromTemplate(input: { name: "T" }, templateId: "x") { id } }');
    for (const [answer, field] of [
      [requestCode, 'Mutation.requestGlobalTokenCode'],
      [settings, 'Query.subscriberSettings'],
      [template, 'Mutation.createSpaceFromTemplate'],
    ] as const) {
      expect(answer.status).toBe(200);
      expect(answer.body.data).toBeNull();
      expect(answer.body.errors).toEqual([expect.objectContaining({ ...NOT_MODELLED, message: expect.stringContaining(`does not model ${field}`) })]);
    }
    expect(JSON.stringify(e.store.data)).toBe(before);
  });
});
