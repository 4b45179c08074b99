import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLEnumType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PERMISSION_RULES } from '../../packages/tools/src/emulator/resolvers/permissions.js';
import { can, createTribeClient, PERMISSION_ACTIONS, TribeForbiddenError } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

describe('member permissions', () => {
  it('names every action after a mutation of the shipped schema, and the emulator reports exactly these', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema/tribe.graphql', import.meta.url), 'utf8'));
    const mutations = (schema.getType('Mutation') as GraphQLObjectType).getFields();
    const contexts = (schema.getType('PermissionContext') as GraphQLEnumType).getValues().map((value) => value.name);
    expect(Object.keys(PERMISSION_ACTIONS).filter((context) => !contexts.includes(context))).toEqual([]);
    for (const [context, actions] of Object.entries(PERMISSION_ACTIONS)) {
      for (const action of actions) expect(mutations[action], action).toBeDefined();
      expect(Object.keys(PERMISSION_RULES[context as keyof typeof PERMISSION_RULES])).toEqual([...actions]);
    }
  });

  it("answers a member's own permissions per space, post, member and network, and the mutations agree", async () => {
    const client = createTribeClient(appOptions(emulator.current));
    const linus = client.impersonate('MbrLinusT3');
    const { space } = await linus.spacePermissions({ id: 'SpcGeneral' });
    expect(space.authMemberProps?.context).toBe('SPACE');
    expect([can(space, 'createPost'), can(space, 'leaveSpace'), can(space, 'joinSpace'), can(space, 'updateSpace')]).toEqual([true, true, false, false]);

    const { posts } = await client.sdk.posts({ limit: 20 });
    const own = posts.nodes!.find((post) => post.ownerId === 'MbrLinusT3')!;
    const other = posts.nodes!.find((post) => post.ownerId === 'MbrAdaL001')!;
    const mine = (await linus.postPermissions({ id: own.id })).post;
    const theirs = (await linus.postPermissions({ id: other.id })).post;
    expect([can(mine, 'updatePost'), can(theirs, 'updatePost'), can(theirs, 'addReaction'), can(theirs, 'pinPostToSpace')]).toEqual([true, false, true, false]);
    // What can() says is what the emulator then does.
    await expect(linus.updatePost({ id: other.id, input: { mappingFields: [] } })).rejects.toThrow(TribeForbiddenError);
    await linus.updatePost({ id: own.id, input: { mappingFields: [] } });

    const self = (await linus.memberPermissions({ id: 'MbrLinusT3' })).member;
    const ada = (await linus.memberPermissions({ id: 'MbrAdaL001' })).member;
    expect([can(self, 'updateMember'), can(ada, 'updateMember'), can(ada, 'deleteMember')]).toEqual([true, false, false]);
    const network = (await linus.networkPermissions()).network;
    expect([can(network, 'createSpace'), can(network, 'createImages')]).toEqual([false, true]);

    const admin = client.impersonate('MbrAdaL001');
    const adminView = (await admin.postPermissions({ id: own.id })).post;
    expect(PERMISSION_ACTIONS.POST.every((action) => can(adminView, action))).toBe(true);
    expect(can((await client.sdk.networkPermissions()).network, 'createSpace')).toBe(true);
    expect(can(null, 'createPost')).toBe(false);
    expect(can({ authMemberProps: { permissions: null } }, 'createPost')).toBe(false);
    client.close();
  });
});
