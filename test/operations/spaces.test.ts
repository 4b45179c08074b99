import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTribeClient, type TribeClient, TribeForbiddenError, TribeNotFoundError } from '../../src/index.js';
import { appOptions, startOwnEmulator, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

/** A client on an emulator of the test's own: membership changes there cannot leak into the shared data. */
async function ownTribe(): Promise<TribeClient> {
  const own = createTribeClient(appOptions(await startOwnEmulator()));
  onTestFinished(() => own.close());
  return own;
}

describe('space operations', () => {
  it('space finds one space by ID, slug or path, and hides private ones from outsiders', async () => {
    expect((await tribe().sdk.space({ id: 'SpcShowTel' })).space).toMatchObject({ slug: 'show-and-tell', name: 'Show and Tell' });
    expect((await tribe().sdk.space({ slug: 'general' })).space.id).toBe('SpcGeneral');
    expect((await tribe().sdk.space({ path: '/crew-room' })).space.id).toBe('SpcCrewOnly');
    await expect(tribe().impersonate('MbrLinusT3').space({ id: 'SpcCrewOnly' })).rejects.toBeInstanceOf(TribeNotFoundError);
  });

  it('spaces lists spaces by collection, query and type, with counters from the stored posts and members', async () => {
    const { spaces } = await tribe().sdk.spaces({ limit: 10 });
    expect(spaces.nodes?.map((space) => space.id)).toEqual(['SpcGeneral', 'SpcShowTel', 'SpcCrewOnly']);
    const general = spaces.nodes![0]!;
    const stored = emulator.current.store.space('SpcGeneral')!;
    expect(general.membersCount).toBe(stored.memberIds.length);
    expect(general.postsCount).toBe(emulator.current.store.publishedPosts().filter((post) => post.spaceId === 'SpcGeneral').length);
    const community = await tribe().sdk.spaces({ limit: 10, collectionId: 'ColCommunity' });
    expect(community.spaces.nodes?.map((space) => space.slug)).toEqual(['general', 'show-and-tell']);
    expect((await tribe().sdk.spaces({ limit: 10, query: 'moderators' })).spaces.nodes?.map((space) => space.id)).toEqual(['SpcCrewOnly']);
    expect((await tribe().sdk.spaces({ limit: 10, type: ['Broadcast'] })).spaces.totalCount).toBe(0);
    expect((await tribe().impersonate('MbrLinusT3').spaces({ limit: 10 })).spaces.totalCount).toBe(2);
  });

  it('spacesByIds returns the spaces asked for, in that order', async () => {
    const { spacesByIds } = await tribe().sdk.spacesByIds({ ids: ['SpcCrewOnly', 'SpcGeneral'] });
    expect(spacesByIds.map((space) => space.name)).toEqual(['Crew Room', 'General']);
  });

  it('spaceMembers lists a space\'s members with their space role, filtered by roleIds', async () => {
    const { spaceMembers } = await tribe().sdk.spaceMembers({ spaceId: 'SpcCrewOnly', limit: 10 });
    expect(spaceMembers.nodes?.map((node) => node.member?.username)).toEqual(['ada', 'grace']);
    expect(spaceMembers.nodes?.map((node) => node.role?.type)).toEqual(['admin', 'member']);
    const admins = await tribe().sdk.spaceMembers({ spaceId: 'SpcCrewOnly', limit: 10, roleIds: ['SpaceRoleAdmin'] });
    expect(admins.spaceMembers.nodes?.map((node) => node.member?.id)).toEqual(['MbrAdaL001']);
  });

  it('joinSpace adds the member: spaceMembers, memberSpaces and membersCount show it', async () => {
    const own = await ownTribe();
    const ada = own.impersonate('MbrAdaL001');
    await ada.leaveSpace({ spaceId: 'SpcShowTel' });
    const before = (await own.sdk.space({ id: 'SpcShowTel' })).space.membersCount;
    const { joinSpace } = await ada.joinSpace({ spaceId: 'SpcShowTel' });
    expect(joinSpace.status).toBe('succeeded');
    const { spaceMembers } = await own.sdk.spaceMembers({ spaceId: 'SpcShowTel', limit: 10 });
    expect(spaceMembers.nodes?.map((node) => node.member?.id)).toContain('MbrAdaL001');
    const { memberSpaces } = await own.sdk.memberSpaces({ memberId: 'MbrAdaL001', limit: 10 });
    expect(memberSpaces.nodes?.map((node) => node.space?.id)).toContain('SpcShowTel');
    expect((await own.sdk.space({ id: 'SpcShowTel' })).space.membersCount).toBe(before + 1);
    await expect(own.impersonate('MbrLinusT3').joinSpace({ spaceId: 'SpcCrewOnly' })).rejects.toBeInstanceOf(TribeForbiddenError);
  });

  it('leaveSpace removes the member: spaceMembers, memberSpaces and private content no longer include them', async () => {
    const own = await ownTribe();
    const grace = own.impersonate('MbrGraceH2');
    expect((await grace.space({ id: 'SpcCrewOnly' })).space.id).toBe('SpcCrewOnly');
    const { leaveSpace } = await grace.leaveSpace({ spaceId: 'SpcCrewOnly' });
    expect(leaveSpace.status).toBe('succeeded');
    const { spaceMembers } = await own.sdk.spaceMembers({ spaceId: 'SpcCrewOnly', limit: 10 });
    expect(spaceMembers.nodes?.map((node) => node.member?.id)).not.toContain('MbrGraceH2');
    const { memberSpaces } = await own.sdk.memberSpaces({ memberId: 'MbrGraceH2', limit: 10 });
    expect(memberSpaces.nodes?.map((node) => node.space?.id)).not.toContain('SpcCrewOnly');
    await expect(grace.space({ id: 'SpcCrewOnly' })).rejects.toBeInstanceOf(TribeNotFoundError);
  });

  it('collections lists the network\'s collections, reversed on request', async () => {
    const { collections } = await tribe().sdk.collections();
    expect(collections.map((collection) => collection.slug)).toEqual(['community', 'staff']);
    expect(collections[0]!.relativeUrl).toBe('/collection/community');
    expect((await tribe().sdk.collections({ reverse: true })).collections.map((collection) => collection.id)).toEqual(['ColStaff000', 'ColCommunity']);
  });
});
