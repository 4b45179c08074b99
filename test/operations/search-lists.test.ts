import { afterAll, describe, expect, it } from 'vitest';
import { createTribeClient, paginate, type TribeClient, TribeGraphQLError } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

/** The published posts of the store whose title or content holds `text`, newest first. */
function storedPostsWith(text: string): string[] {
  return emulator.current.store
    .publishedPosts()
    .filter((post) => `${post.title} ${post.content}`.toLowerCase().includes(text))
    .map((post) => post.id);
}

describe('searchPosts, searchMembers and searchSpaces', () => {
  it('searchPosts pages through the matching posts of the store, and finds a new post once it exists', async () => {
    const { searchPosts } = await tribe().sdk.searchPosts({ query: 'Keyboard', limit: 10 });
    expect(searchPosts.nodes?.map((post) => post.id)).toEqual(storedPostsWith('keyboard'));
    expect(searchPosts.nodes?.map((post) => post.title)).toEqual(['Weekly build log #1 (2)', 'Weekly build log #1']);
    expect(searchPosts.totalCount).toBe(2);
    const paged = await paginate(tribe().sdk.searchPosts, { query: 'keyboard', limit: 1 }).collect();
    expect(paged.map((post) => post.id)).toEqual(storedPostsWith('keyboard'));

    const { createPost } = await tribe().impersonate('MbrGraceH2').createPost({
      spaceId: 'SpcShowTel',
      input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [{ key: 'title', type: 'text', value: '"A keyboard for Ada"' }] },
    });
    const after = await tribe().sdk.searchPosts({ query: 'keyboard', limit: 10 });
    expect(after.searchPosts.nodes?.[0]).toMatchObject({ id: createPost.id, title: 'A keyboard for Ada', owner: { member: { id: 'MbrGraceH2' } } });
  });

  it('searchMembers finds people by name or username, never the apps\' bots', async () => {
    const { searchMembers } = await tribe().sdk.searchMembers({ query: 'o', limit: 10 });
    expect(searchMembers.nodes?.map((member) => member.id)).toEqual(emulator.current.memberIds);
    expect((await tribe().sdk.searchMembers({ query: 'bot', limit: 10 })).searchMembers.nodes).toEqual([]);
    const { searchMembers: hamilton } = await tribe().sdk.searchMembers({ query: 'hamilton', limit: 10 });
    expect(hamilton.nodes).toMatchObject([{ id: 'MbrMargaH4', username: 'margaret', tagline: 'Writes flight software for fun' }]);
  });

  it('searchSpaces finds only the spaces the viewer may see', async () => {
    const asBot = await tribe().sdk.searchSpaces({ query: 'crew', limit: 10 });
    expect(asBot.searchSpaces.nodes).toMatchObject([{ id: 'SpcCrewOnly', name: 'Crew Room', private: true }]);
    const asLinus = await tribe().impersonate('MbrLinusT3').searchSpaces({ query: 'crew', limit: 10 });
    expect(asLinus.searchSpaces.nodes).toEqual([]);
    const { searchSpaces } = await tribe().sdk.searchSpaces({ query: 'share', limit: 10 });
    expect(searchSpaces.nodes?.map((space) => space.slug)).toEqual(['show-and-tell']);
  });

  it('search filters are refused with a clear error rather than ignored', async () => {
    const filters = { operator: 'And' as const, groupFilters: [{ operator: 'And' as const, matchFilters: [{ key: 'spaceId', is: 'SpcGeneral' }] }] };
    const failure = tribe().sdk.searchPosts({ query: 'keyboard', limit: 10, filters });
    await expect(failure).rejects.toBeInstanceOf(TribeGraphQLError);
    await expect(failure).rejects.toThrow(/does not apply search filters/);
  });
});

describe('membersByIds', () => {
  it('returns the stored members asked for, in the order asked, leaving out unknown IDs and bots', async () => {
    const { membersByIds } = await tribe().sdk.membersByIds({ ids: ['MbrLinusT3', 'MbrNobody00', 'MbrAdaL001', 'BotDemoApp', 'MbrLinusT3'] });
    expect(membersByIds.map((member) => [member.id, member.name])).toEqual([
      ['MbrLinusT3', 'Linus Torvalds'],
      ['MbrAdaL001', 'Ada Lovelace'],
    ]);
    await tribe().impersonate('MbrLinusT3').updateMember({ input: { tagline: 'Now with a split keyboard' } });
    const again = await tribe().sdk.membersByIds({ ids: ['MbrLinusT3'] });
    expect(again.membersByIds[0]).toMatchObject({ id: 'MbrLinusT3', tagline: 'Now with a split keyboard', role: { type: 'member' } });
  });
});
