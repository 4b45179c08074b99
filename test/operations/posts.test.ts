import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTribeClient, type TribeClient, TribeForbiddenError, TribeNotFoundError } from '../../src/index.js';
import { type CreatePostInput } from '../../generated/sdk.js';
import { appOptions, startOwnEmulator, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

function postInput(title: string, content = '<p>Body</p>', extra: Partial<CreatePostInput> = {}): CreatePostInput {
  return {
    postTypeId: 'PtyDiscuss',
    publish: true,
    mappingFields: [
      { key: 'title', type: 'text', value: JSON.stringify(title) },
      { key: 'content', type: 'html', value: JSON.stringify(content) },
    ],
    ...extra,
  };
}

const replyInput = (content: string): CreatePostInput => ({
  postTypeId: 'PtyComment',
  mappingFields: [{ key: 'content', type: 'html', value: JSON.stringify(content) }],
});

describe('post operations', () => {
  it('post returns one post with its space, owner and reactions summary', async () => {
    const { post } = await tribe().sdk.post({ id: 'Pst0000001' });
    expect(post).toMatchObject({
      title: 'Welcome to Acme Makers',
      space: { id: 'SpcGeneral', name: 'General' },
      owner: { member: { id: 'MbrAdaL001', username: 'ada' } },
      reactions: [{ reaction: 'like', count: 2, reacted: false }],
      reactionsCount: 2,
      repliesCount: 1,
    });
    await expect(tribe().sdk.post({ id: 'PstMissing' })).rejects.toBeInstanceOf(TribeNotFoundError);
  });

  it('posts lists top-level posts by space and post type, ordered, reversed and filtered by date', async () => {
    const { posts } = await tribe().sdk.posts({ limit: 100 });
    const stored = emulator.current.store.publishedPosts();
    expect(posts.nodes?.map((post) => post.id)).toEqual(stored.map((post) => post.id));
    expect(posts.nodes?.some((post) => post.repliedToId !== null)).toBe(false);
    const inShow = await tribe().sdk.posts({ limit: 100, spaceIds: ['SpcShowTel'] });
    expect(inShow.posts.nodes?.every((post) => post.spaceId === 'SpcShowTel')).toBe(true);
    expect(inShow.posts.totalCount).toBe(stored.filter((post) => post.spaceId === 'SpcShowTel').length);
    expect((await tribe().sdk.posts({ limit: 100, postTypeIds: ['PtyComment'] })).posts.totalCount).toBe(0);
    const reversed = await tribe().sdk.posts({ limit: 100, reverse: true });
    expect(reversed.posts.nodes?.map((post) => post.id)).toEqual(stored.map((post) => post.id).reverse());
    const byReactions = await tribe().sdk.posts({ limit: 1, orderBy: 'reactionsCount' });
    expect(byReactions.posts.nodes?.[0]?.id).toBe('Pst0000001');
    const cutoff = stored[2]!.createdAt;
    const older = await tribe().sdk.posts({ limit: 100, filterBy: [{ key: 'createdAt', operator: 'lt', value: cutoff }] });
    expect(older.posts.nodes?.map((post) => post.id)).toEqual(stored.slice(3).map((post) => post.id));
  });

  it('feed shows the posts a member can see, or only those of their spaces', async () => {
    // Its own emulator: Margaret leaves a space here, which must not show in other tests.
    const own = await startOwnEmulator();
    const ownClient = createTribeClient(appOptions(own));
    onTestFinished(() => ownClient.close());
    const margaret = ownClient.impersonate('MbrMargaH4');
    const { feed } = await margaret.feed({ limit: 100 });
    expect(feed.totalCount).toBe(own.store.data.posts.filter((post) => post.status === 'PUBLISHED' && post.repliedToId === null).length);
    await margaret.leaveSpace({ spaceId: 'SpcShowTel' });
    const mine = await margaret.feed({ limit: 100, onlyMemberSpaces: true });
    expect(mine.feed.nodes?.length).toBeGreaterThan(0);
    expect(mine.feed.nodes?.every((post) => post.spaceId === 'SpcGeneral')).toBe(true);
    await margaret.joinSpace({ spaceId: 'SpcShowTel' });
    expect((await margaret.feed({ limit: 100, onlyMemberSpaces: true })).feed.totalCount).toBe(feed.totalCount);
  });

  it('createPost stores a post that post, posts and the space counter then show', async () => {
    const linus = tribe().impersonate('MbrLinusT3');
    const before = (await tribe().sdk.space({ id: 'SpcShowTel' })).space.postsCount ?? 0;
    const { createPost } = await linus.createPost({ spaceId: 'SpcShowTel', input: postInput('My split keyboard', '<p>Photos inside</p>', { tagNames: ['Keyboards'] }) });
    expect(createPost).toMatchObject({ title: 'My split keyboard', status: 'PUBLISHED', ownerId: 'MbrLinusT3', spaceId: 'SpcShowTel' });
    expect((await tribe().sdk.post({ id: createPost.id })).post.shortContent).toBe('<p>Photos inside</p>');
    const { posts } = await tribe().sdk.posts({ limit: 1, spaceIds: ['SpcShowTel'] });
    expect(posts.nodes?.[0]?.id).toBe(createPost.id);
    expect((await tribe().sdk.space({ id: 'SpcShowTel' })).space.postsCount).toBe(before + 1);
    const { tags } = await tribe().sdk.tags({ limit: 10, query: 'keyboards' });
    const keyboards = tags.nodes?.find((tag) => tag.title === 'Keyboards');
    expect(keyboards, 'createPost made the Keyboards tag').toBeDefined();
    expect(createPost.tagIds).toEqual([keyboards!.id]);
  });

  it('updatePost changes a post that post then returns; members may not edit others\' posts', async () => {
    const grace = tribe().impersonate('MbrGraceH2');
    const { createPost } = await grace.createPost({ spaceId: 'SpcGeneral', input: postInput('Draft title') });
    const { updatePost } = await grace.updatePost({
      id: createPost.id,
      input: { mappingFields: [{ key: 'title', type: 'text', value: JSON.stringify('Final title') }] },
    });
    expect(updatePost.title).toBe('Final title');
    expect((await tribe().sdk.post({ id: createPost.id })).post.title).toBe('Final title');
    await expect(tribe().impersonate('MbrLinusT3').updatePost({ id: createPost.id, input: {} })).rejects.toBeInstanceOf(TribeForbiddenError);
  });

  it('deletePost removes a post and its replies from post, posts and replies', async () => {
    const margaret = tribe().impersonate('MbrMargaH4');
    const { createPost } = await margaret.createPost({ spaceId: 'SpcGeneral', input: postInput('Short-lived') });
    const { createReply } = await tribe().sdk.createReply({ postId: createPost.id, input: replyInput('Gone soon') });
    await expect(tribe().impersonate('MbrLinusT3').deletePost({ id: createPost.id })).rejects.toBeInstanceOf(TribeForbiddenError);
    const { deletePost } = await margaret.deletePost({ id: createPost.id });
    expect(deletePost.status).toBe('succeeded');
    await expect(tribe().sdk.post({ id: createPost.id })).rejects.toBeInstanceOf(TribeNotFoundError);
    await expect(tribe().sdk.post({ id: createReply.id })).rejects.toBeInstanceOf(TribeNotFoundError);
    const { posts } = await tribe().sdk.posts({ limit: 500 });
    expect(posts.nodes?.map((post) => post.id)).not.toContain(createPost.id);
  });

  it('createReply adds a reply that replies lists and repliesCount counts', async () => {
    const parent = 'Pst0000002';
    const before = (await tribe().sdk.post({ id: parent })).post;
    const { createReply } = await tribe().impersonate('MbrAdaL001').createReply({ postId: parent, input: replyInput('Nice bench!') });
    expect(createReply).toMatchObject({ repliedToId: parent, ownerId: 'MbrAdaL001', shortContent: 'Nice bench!', spaceId: before.spaceId });
    const { replies } = await tribe().sdk.replies({ postId: parent, limit: 10 });
    expect(replies.nodes?.map((reply) => reply.id)).toContain(createReply.id);
    expect(replies.totalCount).toBe(before.repliesCount + 1);
    const after = (await tribe().sdk.post({ id: parent })).post;
    expect(after.repliesCount).toBe(before.repliesCount + 1);
    expect(after.totalRepliesCount).toBe(before.totalRepliesCount + 1);
  });

  it('replies lists a post\'s replies oldest first, reversible', async () => {
    const parent = 'Pst0000003';
    const first = await tribe().sdk.createReply({ postId: parent, input: replyInput('first') });
    const second = await tribe().sdk.createReply({ postId: parent, input: replyInput('second') });
    const { replies } = await tribe().sdk.replies({ postId: parent, limit: 10 });
    expect(replies.nodes?.map((reply) => reply.id)).toEqual([first.createReply.id, second.createReply.id]);
    const reversed = await tribe().sdk.replies({ postId: parent, limit: 10, reverse: true });
    expect(reversed.replies.nodes?.map((reply) => reply.shortContent)).toEqual(['second', 'first']);
  });

  it('postTypes lists the post types, optionally only those for replies', async () => {
    const { postTypes } = await tribe().sdk.postTypes({ limit: 10 });
    expect(postTypes.nodes?.map((type) => type.slug)).toEqual(['discussion', 'comment']);
    const forReplies = await tribe().sdk.postTypes({ limit: 10, context: 'reply' });
    expect(forReplies.postTypes.nodes?.map((type) => type.id)).toEqual(['PtyComment']);
    expect(forReplies.postTypes.nodes?.[0]?.primaryReactionType).toBe('EMOJI_BASE');
  });
});
