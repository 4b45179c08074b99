import { afterAll, describe, expect, it } from 'vitest';
import { createTribeClient, type TribeClient } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

describe('tag and search operations', () => {
  it('tags lists the network\'s tags, those used in a space, by query, and new tags from posts', async () => {
    const { tags } = await tribe().sdk.tags({ limit: 10 });
    expect(tags.nodes?.map((tag) => tag.slug)).toEqual(['hardware', 'software']);
    expect((await tribe().sdk.tags({ limit: 10, query: 'soft' })).tags.nodes?.map((tag) => tag.id)).toEqual(['TagSoftware']);
    const titlesIn = async (spaceId: string) => (await tribe().sdk.tags({ limit: 10, spaceId })).tags.nodes?.map((tag) => tag.title) ?? [];
    const before = await titlesIn('SpcCrewOnly');
    expect(before).not.toContain('Moderation');
    await tribe().sdk.createPost({
      spaceId: 'SpcCrewOnly',
      input: { postTypeId: 'PtyDiscuss', publish: true, tagNames: ['Moderation'], mappingFields: [{ key: 'title', type: 'text', value: '"Rules"' }] },
    });
    expect((await titlesIn('SpcCrewOnly')).sort()).toEqual([...before, 'Moderation'].sort());
    expect((await tribe().sdk.tags({ limit: 10, orderBy: 'ID', reverse: true })).tags.nodes?.[0]?.id).toBe('TagSoftware');
  });

  it('search finds posts, members and spaces, and a new post once it exists', async () => {
    const { search } = await tribe().sdk.search({ input: { query: 'keyboard' } });
    const byType = Object.fromEntries(search.hits.map((group) => [group.entityType, group.hits.map((hit) => hit.title)]));
    expect(byType.post).toContain('Weekly build log #1');
    expect(byType.member).toBeUndefined();
    expect((await tribe().sdk.search({ input: { query: 'hopper' } })).search.hits[0]?.hits.map((hit) => hit.entityId)).toEqual(['MbrGraceH2']);
    expect((await tribe().sdk.search({ input: { query: 'zeppelin' } })).search.totalCount).toBe(0);
    await tribe().impersonate('MbrLinusT3').createPost({
      spaceId: 'SpcGeneral',
      input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [{ key: 'title', type: 'text', value: '"Zeppelin model kit"' }] },
    });
    const after = await tribe().sdk.search({ input: { query: 'zeppelin' } });
    expect(after.search.totalCount).toBe(1);
    expect(after.search.hits[0]).toMatchObject({ entityType: 'post', hits: [{ title: 'Zeppelin model kit', subtitle: 'General' }] });
  });
});
