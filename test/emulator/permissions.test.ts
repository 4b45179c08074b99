import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { asBearer, mintTokenRaw, type RawAnswer } from './raw-graphql.js';

const emulator = useEmulator();

const CREATE = `mutation createPost($spaceId: ID!, $title: String!) {
  createPost(spaceId: $spaceId, input: { postTypeId: "PtyDiscuss", publish: true, mappingFields: [{ key: "title", type: text, value: $title }] }) { id ownerId title }
}`;
const UPDATE = `mutation updatePost($id: ID!, $title: String!) {
  updatePost(id: $id, input: { mappingFields: [{ key: "title", type: text, value: $title }] }) { id title }
}`;
const DELETE = 'mutation deletePost($id: ID!) { deletePost(id: $id) { status } }';
const TITLE = 'query post($id: ID!) { post(id: $id) { id title } }';

/** A resolver error in Tribe's way: HTTP 200, `code` and `message` at the top level, no data for the field. */
function expectResolverError(answer: RawAnswer, code: string): void {
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors![0]).toMatchObject({ code, message: expect.any(String) });
  expect(answer.body.data ?? null).toBeNull();
}

async function createAs(token: string, title: string): Promise<string> {
  const answer = await asBearer(emulator.current, token, CREATE, { spaceId: 'SpcGeneral', title: JSON.stringify(title) });
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.createPost.id as string;
}

describe('permissions', () => {
  it("a member cannot update or delete another member's post (code 102), and the post stays as it was", async () => {
    const e = emulator.current;
    const [owner, intruder] = [await mintTokenRaw(e, e.memberIds[2]), await mintTokenRaw(e, e.memberIds[3])];
    const id = await createAs(owner, 'Mine');
    expectResolverError(await asBearer(e, intruder, UPDATE, { id, title: '"Hijacked"' }), '102');
    expectResolverError(await asBearer(e, intruder, DELETE, { id }), '102');
    const after = await asBearer(e, owner, TITLE, { id });
    expect(after.body.data?.post).toEqual({ id, title: 'Mine' });
  });

  it('a member can update and delete their own post', async () => {
    const e = emulator.current;
    const owner = await mintTokenRaw(e, e.memberIds[2]);
    const id = await createAs(owner, 'Draft title');
    const updated = await asBearer(e, owner, UPDATE, { id, title: '"Final title"' });
    expect(updated.body.data?.updatePost).toEqual({ id, title: 'Final title' });
    expect((await asBearer(e, owner, DELETE, { id })).body.data?.deletePost.status).toBe('succeeded');
    expectResolverError(await asBearer(e, owner, TITLE, { id }), '110');
  });

  it("the bot can update and delete any member's post", async () => {
    const e = emulator.current;
    const [owner, bot] = [await mintTokenRaw(e, e.memberIds[3]), await mintTokenRaw(e)];
    const id = await createAs(owner, 'Margaret wrote this');
    const updated = await asBearer(e, bot, UPDATE, { id, title: '"Moderated by the bot"' });
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data?.updatePost.title).toBe('Moderated by the bot');
    expect((await asBearer(e, bot, DELETE, { id })).body.data?.deletePost.status).toBe('succeeded');
    expect(e.store.post(id)).toBeUndefined();
  });

  it('a member cannot post in a private space they do not belong to; the bot can see and post there', async () => {
    const e = emulator.current;
    const member = await mintTokenRaw(e, e.memberIds[2]);
    const refused = await asBearer(e, member, CREATE, { spaceId: 'SpcCrewOnly', title: '"Let me in"' });
    expect(refused.status).toBe(200);
    expect(refused.body.errors?.[0]?.code).toBe('110');
    const bot = await mintTokenRaw(e);
    const posted = await asBearer(e, bot, CREATE, { spaceId: 'SpcCrewOnly', title: '"Staff note"' });
    expect(posted.body.errors).toBeUndefined();
  });

  it('a missing post is code 110 with HTTP 200', async () => {
    const e = emulator.current;
    expectResolverError(await asBearer(e, await mintTokenRaw(e), TITLE, { id: 'PstMissing' }), '110');
  });
});
