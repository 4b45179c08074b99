import { describe, expect, it } from 'vitest';
import { createTribeClient, type TribeClient } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

function titleField(title: string) {
  return { key: 'title', type: 'text' as const, value: JSON.stringify(title) };
}

async function withClient(run: (client: TribeClient) => Promise<void>): Promise<void> {
  const client = createTribeClient(appOptions(emulator.current));
  try {
    await run(client);
  } finally {
    client.close();
  }
}

describe('state', () => {
  it('a post created as a member shows up when the bot lists posts, and totalCount grows by one', () =>
    withClient(async (client) => {
      const memberId = emulator.current.memberIds[2]!;
      const before = await client.sdk.posts({ limit: 50 });
      const { createPost } = await client.impersonate(memberId).createPost({
        spaceId: 'SpcShowTel',
        input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [titleField('My split keyboard')] },
      });
      const after = await client.sdk.posts({ limit: 50 });
      expect(after.posts.totalCount).toBe((before.posts.totalCount ?? Number.NaN) + 1);
      const listed = after.posts.nodes?.find((post) => post.id === createPost.id);
      expect(listed).toMatchObject({ title: 'My split keyboard', ownerId: memberId, spaceId: 'SpcShowTel', status: 'PUBLISHED' });
      expect(listed?.owner?.member?.id).toBe(memberId);
      expect(after.posts.nodes?.[0]?.id).toBe(createPost.id);
    }));

  it('updatePost, createReply, addReaction and removeReaction change what later queries return', () =>
    withClient(async (client) => {
      const member = client.impersonate(emulator.current.memberIds[3]!);
      const { createPost } = await member.createPost({
        spaceId: 'SpcGeneral',
        input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [titleField('Before')] },
      });
      const id = createPost.id;
      await member.updatePost({ id, input: { mappingFields: [titleField('After')] } });
      expect((await client.sdk.post({ id })).post.title).toBe('After');

      await client.sdk.createReply({
        postId: id,
        input: { postTypeId: 'PtyComment', mappingFields: [{ key: 'content', type: 'html', value: '"<p>Nice</p>"' }] },
      });
      const replies = await client.sdk.replies({ postId: id, limit: 10 });
      expect(replies.replies.totalCount).toBe(1);
      expect((await client.sdk.post({ id })).post.repliesCount).toBe(1);

      await client.sdk.addReaction({ postId: id, input: { reaction: 'like' } });
      await member.addReaction({ postId: id, input: { reaction: 'like' } });
      const liked = (await member.post({ id })).post.reactions?.find((reaction) => reaction.reaction === 'like');
      expect(liked).toEqual({ reaction: 'like', count: 2, reacted: true });
      await member.removeReaction({ postId: id, reaction: 'like' });
      const unliked = (await member.post({ id })).post.reactions?.find((reaction) => reaction.reaction === 'like');
      expect(unliked).toEqual({ reaction: 'like', count: 1, reacted: false });
    }));

  it('deletePost removes the post from later lists and lookups', () =>
    withClient(async (client) => {
      const { createPost } = await client.sdk.createPost({
        spaceId: 'SpcGeneral',
        input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [titleField('Short-lived')] },
      });
      const before = (await client.sdk.posts({ limit: 1 })).posts.totalCount;
      await client.sdk.deletePost({ id: createPost.id });
      const after = await client.sdk.posts({ limit: 100 });
      expect(after.posts.totalCount).toBe((before ?? Number.NaN) - 1);
      expect(after.posts.nodes?.some((post) => post.id === createPost.id)).toBe(false);
      await expect(client.sdk.post({ id: createPost.id })).rejects.toMatchObject({ code: 'TRIBE_NOT_FOUND' });
    }));

  it("leaveSpace and joinSpace change the space's members", () =>
    withClient(async (client) => {
      const memberId = emulator.current.memberIds[2]!;
      const member = client.impersonate(memberId);
      const memberIds = async () => (await client.sdk.spaceMembers({ spaceId: 'SpcShowTel', limit: 50 })).spaceMembers.nodes?.map((link) => link.member?.id);
      expect(await memberIds()).toContain(memberId);
      await member.leaveSpace({ spaceId: 'SpcShowTel' });
      expect(await memberIds()).not.toContain(memberId);
      await member.joinSpace({ spaceId: 'SpcShowTel' });
      expect(await memberIds()).toContain(memberId);
    }));
});
