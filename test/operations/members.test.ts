import { afterAll, describe, expect, it } from 'vitest';
import { createTribeClient, type TribeClient, TribeForbiddenError, TribeNotFoundError } from '../../src/index.js';
import { type CreatePostInput } from '../../generated/sdk.js';
import { appOptions, useEmulator } from '../support/emulator.js';
import { sdkWithAuthorization, sdkWithToken } from './raw-sdk.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

const post = (title: string): CreatePostInput => ({
  postTypeId: 'PtyDiscuss',
  publish: true,
  mappingFields: [{ key: 'title', type: 'text', value: JSON.stringify(title) }],
});

describe('member operations', () => {
  it('authMember is the bot for a bot token and the member for an impersonating one', async () => {
    expect((await tribe().sdk.authMember()).authMember).toMatchObject({ id: 'BotDemoApp', role: { type: 'admin' } });
    const { authMember } = await tribe().impersonate('MbrLinusT3').authMember();
    expect(authMember).toMatchObject({ id: 'MbrLinusT3', username: 'linus', email: 'linus@acme.example', role: { type: 'member' } });
  });

  it('member finds one member by ID or by username', async () => {
    const byId = await tribe().sdk.member({ id: 'MbrGraceH2' });
    expect(byId.member).toMatchObject({ username: 'grace', name: 'Grace Hopper', role: { type: 'moderator' } });
    const byUsername = await tribe().sdk.member({ username: 'margaret' });
    expect(byUsername.member.id).toBe('MbrMargaH4');
    await expect(tribe().sdk.member({ username: 'nobody' })).rejects.toBeInstanceOf(TribeNotFoundError);
  });

  it('members lists people (not bots), filtered by query, roleIds, status and filterBy, ordered and reversed', async () => {
    const all = await tribe().sdk.members({ limit: 10 });
    expect(all.members.totalCount).toBe(4);
    expect(all.members.nodes?.map((member) => member.id)).not.toContain('BotDemoApp');
    expect((await tribe().sdk.members({ limit: 10, query: 'hopper' })).members.nodes?.map((member) => member.username)).toEqual(['grace']);
    const admins = await tribe().sdk.members({ limit: 10, roleIds: ['RoleAdmin'] });
    expect(admins.members.nodes?.map((member) => member.username)).toEqual(['ada']);
    expect((await tribe().sdk.members({ limit: 10, status: ['BLOCKED'] })).members.totalCount).toBe(0);
    const ordered = await tribe().sdk.members({ limit: 10, orderBy: 'username', reverse: true });
    expect(ordered.members.nodes?.map((member) => member.username)).toEqual(['margaret', 'linus', 'grace', 'ada']);
    const filtered = await tribe().sdk.members({ limit: 10, filterBy: [{ key: 'name', operator: 'contains', value: 'hop' }] });
    expect(filtered.members.nodes?.map((member) => member.username)).toEqual(['grace']);
  });

  it('memberPosts lists what one member wrote, and a new post shows up there', async () => {
    const memberId = 'MbrMargaH4';
    const before = await tribe().sdk.memberPosts({ memberId, limit: 50 });
    expect(before.memberPosts.nodes?.every((node) => node.ownerId === memberId)).toBe(true);
    const { createPost } = await tribe().impersonate(memberId).createPost({ spaceId: 'SpcGeneral', input: post('Margaret writes') });
    const after = await tribe().sdk.memberPosts({ memberId, limit: 50 });
    expect(after.memberPosts.totalCount).toBe((before.memberPosts.totalCount ?? Number.NaN) + 1);
    expect(after.memberPosts.nodes?.[0]?.id).toBe(createPost.id);
    const replies = await tribe().sdk.memberPosts({ memberId: 'MbrLinusT3', limit: 50, hasParent: true });
    expect(replies.memberPosts.nodes?.map((node) => node.id)).toEqual(['RplWelcome1']);
  });

  it('memberSpaces lists the spaces a member belongs to, with their space role, by collection', async () => {
    const { memberSpaces } = await tribe().sdk.memberSpaces({ memberId: 'MbrGraceH2', limit: 10 });
    expect(memberSpaces.nodes?.map((node) => node.space?.id)).toEqual(['SpcGeneral', 'SpcShowTel', 'SpcCrewOnly']);
    const staff = await tribe().sdk.memberSpaces({ memberId: 'MbrGraceH2', limit: 10, collectionId: 'ColStaff000' });
    expect(staff.memberSpaces.nodes?.map((node) => node.space?.slug)).toEqual(['crew-room']);
    const ada = await tribe().sdk.memberSpaces({ memberId: 'MbrAdaL001', limit: 10, roleIds: ['SpaceRoleAdmin'] });
    expect(ada.memberSpaces.totalCount).toBe(3);
    expect(ada.memberSpaces.nodes?.every((node) => node.role?.type === 'admin')).toBe(true);
  });

  it('updateMember changes a profile that member then returns; members may not change others', async () => {
    const linus = tribe().impersonate('MbrLinusT3');
    const { updateMember } = await linus.updateMember({ input: { tagline: 'Now building a split keyboard', name: 'Linus T.' } });
    expect(updateMember).toMatchObject({ id: 'MbrLinusT3', tagline: 'Now building a split keyboard', name: 'Linus T.' });
    const { member } = await tribe().sdk.member({ id: 'MbrLinusT3' });
    expect(member).toMatchObject({ tagline: 'Now building a split keyboard', name: 'Linus T.' });
    await expect(linus.updateMember({ id: 'MbrGraceH2', input: { tagline: 'hacked' } })).rejects.toBeInstanceOf(TribeForbiddenError);
    await tribe().sdk.updateMember({ id: 'MbrGraceH2', input: { locale: 'de-DE' } });
    expect((await tribe().sdk.member({ id: 'MbrGraceH2' })).member.locale).toBe('de-DE');
  });

  it('updateMember changes email and password: loginNetwork then takes the new ones only', async () => {
    const margaret = tribe().impersonate('MbrMargaH4');
    await expect(margaret.updateMember({ input: { currentPassword: 'wrong', newPassword: 'apollo-11' } })).rejects.toThrow(/currentPassword/);
    await expect(margaret.updateMember({ input: { email: 'ada@acme.example' } })).rejects.toThrow(/taken/);
    await margaret.updateMember({ input: { email: 'mh@acme.example', currentPassword: 'demo-password', newPassword: 'apollo-11' } });
    const { tokens } = await sdkWithAuthorization(emulator.current).tokens({ networkId: emulator.current.networkId });
    const guest = sdkWithToken(emulator.current, tokens.accessToken);
    await expect(guest.loginNetwork({ input: { usernameOrEmail: 'margaret', password: 'demo-password' } })).rejects.toThrow(/invalid/);
    const { loginNetwork } = await guest.loginNetwork({ input: { usernameOrEmail: 'mh@acme.example', password: 'apollo-11' } });
    expect(loginNetwork.member.id).toBe('MbrMargaH4');
  });
});
