import { afterAll, describe, expect, it } from 'vitest';
import { createTribeClient, type TribeClient } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

async function participants(postId: string, reaction: string): Promise<string[]> {
  const { postReactionParticipants } = await tribe().sdk.postReactionParticipants({ postId, reaction, limit: 50 });
  return postReactionParticipants.nodes?.map((node) => node.participant?.id ?? '') ?? [];
}

/** A new post with no reactions, so each test starts from a state of its own. */
async function freshPost(title: string): Promise<string> {
  const { createPost } = await tribe().impersonate('MbrAdaL001').createPost({
    spaceId: 'SpcGeneral',
    input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [{ key: 'title', type: 'text', value: JSON.stringify(title) }] },
  });
  return createPost.id;
}

describe('reaction operations', () => {
  it('addReaction records the member\'s reaction: the post\'s summary and the participants show it', async () => {
    const postId = await freshPost('For hearts');
    const margaret = tribe().impersonate('MbrMargaH4');
    const { addReaction } = await margaret.addReaction({ postId, input: { reaction: 'heart' } });
    expect(addReaction.status).toBe('succeeded');
    const { post } = await margaret.post({ id: postId });
    expect(post.reactions).toEqual([{ reaction: 'heart', count: 1, reacted: true }]);
    expect(post.reactionsCount).toBe(1);
    expect(await participants(postId, 'heart')).toEqual(['MbrMargaH4']);
    await margaret.addReaction({ postId, input: { reaction: 'heart' } });
    expect((await tribe().sdk.post({ id: postId })).post.reactions).toEqual([{ reaction: 'heart', count: 1, reacted: false }]);
  });

  it('removeReaction takes the member\'s reaction back: postReactionParticipants no longer lists them', async () => {
    const postId = await freshPost('For likes');
    await tribe().impersonate('MbrGraceH2').addReaction({ postId, input: { reaction: 'like' } });
    await tribe().impersonate('MbrLinusT3').addReaction({ postId, input: { reaction: 'like' } });
    expect(await participants(postId, 'like')).toEqual(['MbrGraceH2', 'MbrLinusT3']);
    expect((await tribe().sdk.post({ id: postId })).post.reactionsCount).toBe(2);
    const { removeReaction } = await tribe().impersonate('MbrGraceH2').removeReaction({ postId, reaction: 'like' });
    expect(removeReaction.status).toBe('succeeded');
    expect(await participants(postId, 'like')).toEqual(['MbrLinusT3']);
    expect((await tribe().sdk.post({ id: postId })).post.reactionsCount).toBe(1);
  });

  it('postReactionParticipants pages through who gave a reaction', async () => {
    const postId = await freshPost('For tada');
    for (const memberId of emulator.current.memberIds) await tribe().impersonate(memberId).addReaction({ postId, input: { reaction: 'tada' } });
    const first = await tribe().sdk.postReactionParticipants({ postId, reaction: 'tada', limit: 3 });
    expect(first.postReactionParticipants.totalCount).toBe(emulator.current.memberIds.length);
    expect(first.postReactionParticipants.pageInfo.hasNextPage).toBe(true);
    const rest = await tribe().sdk.postReactionParticipants({
      postId,
      reaction: 'tada',
      limit: 3,
      after: first.postReactionParticipants.pageInfo.endCursor,
    });
    const ids = [...(first.postReactionParticipants.nodes ?? []), ...(rest.postReactionParticipants.nodes ?? [])].map((node) => node.participant?.id);
    expect(ids).toEqual(emulator.current.memberIds);
    expect(await participants(postId, 'like')).toEqual([]);
  });
});
