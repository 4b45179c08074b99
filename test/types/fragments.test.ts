import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTribeClient } from '../../src/index.js';
import {
  type MemberFieldsFragment,
  type MemberQuery,
  type PageInfoFieldsFragment,
  type PostFieldsFragment,
  type PostQuery,
  type PostsQuery,
  type SpaceFieldsFragment,
  type SpaceQuery,
  type SpacesQuery,
} from '../../generated/sdk.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

// The fields each fragment selects; the type tests tie these lists to the generated types, the
// runtime tests to what the emulator answers, so a fragment cannot change without both noticing.
const POST_FIELDS = [
  'id',
  'title',
  'slug',
  'shortContent',
  'status',
  'postTypeId',
  'spaceId',
  'ownerId',
  'repliedToId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'repliesCount',
  'totalRepliesCount',
  'reactionsCount',
  'tagIds',
  'relativeUrl',
  'fields',
  'space',
  'owner',
  'reactions',
] as const;
const MEMBER_FIELDS = [
  'id',
  'name',
  'username',
  'status',
  'locale',
  'roleId',
  'role',
  'tagline',
  'profilePictureId',
  'relativeUrl',
  'createdAt',
  'updatedAt',
] as const;
const SPACE_FIELDS = [
  'id',
  'name',
  'slug',
  'description',
  'type',
  'private',
  'hidden',
  'inviteOnly',
  'membersCount',
  'postsCount',
  'relativeUrl',
  'createdAt',
] as const;
const PAGE_INFO_FIELDS = ['endCursor', 'hasNextPage'] as const;

describe('fragment types', () => {
  it('PostFieldsFragment has the selected fields, with space, owner and reaction summary', () => {
    expectTypeOf<keyof PostFieldsFragment>().toEqualTypeOf<(typeof POST_FIELDS)[number]>();
    expectTypeOf<PostFieldsFragment['space']>().toEqualTypeOf<{ id: string; name: string; slug: string } | null>();
    expectTypeOf<PostFieldsFragment['owner']>().toEqualTypeOf<{ member: { id: string; name: string | null; username: string } | null } | null>();
    expectTypeOf<PostFieldsFragment['reactions']>().toEqualTypeOf<Array<{ reaction: string; count: number; reacted: boolean }> | null>();
    expectTypeOf<PostQuery['post']>().toEqualTypeOf<PostFieldsFragment>();
    expectTypeOf<NonNullable<PostsQuery['posts']['nodes']>[number]>().toEqualTypeOf<PostFieldsFragment>();
  });

  it('MemberFieldsFragment has the selected fields and the role', () => {
    expectTypeOf<keyof MemberFieldsFragment>().toEqualTypeOf<(typeof MEMBER_FIELDS)[number]>();
    expectTypeOf<MemberFieldsFragment['role']>().toEqualTypeOf<{ id: string; name: string; type: 'admin' | 'guest' | 'member' | 'moderator' | null } | null>();
    expectTypeOf<MemberQuery['member']>().toEqualTypeOf<MemberFieldsFragment>();
  });

  it('SpaceFieldsFragment and PageInfoFieldsFragment have the selected fields', () => {
    expectTypeOf<keyof SpaceFieldsFragment>().toEqualTypeOf<(typeof SPACE_FIELDS)[number]>();
    expectTypeOf<SpaceQuery['space']>().toEqualTypeOf<SpaceFieldsFragment>();
    expectTypeOf<PageInfoFieldsFragment>().toEqualTypeOf<{ endCursor: string | null; hasNextPage: boolean }>();
    expectTypeOf<SpacesQuery['spaces']['pageInfo']>().toEqualTypeOf<PageInfoFieldsFragment>();
  });
});

describe('fragments at runtime', () => {
  it('the emulator answers exactly the fields each fragment selects', async () => {
    const client = createTribeClient(appOptions(emulator.current));
    try {
      const { posts } = await client.sdk.posts({ limit: 1 });
      const post = posts.nodes![0]!;
      expect(Object.keys(post).sort()).toEqual([...POST_FIELDS].sort());
      expect(Object.keys(posts.pageInfo).sort()).toEqual([...PAGE_INFO_FIELDS].sort());
      const { member } = await client.sdk.member({ id: post.ownerId });
      expect(Object.keys(member).sort()).toEqual([...MEMBER_FIELDS].sort());
      expect(member.id).toBe(post.owner?.member?.id);
      const { space } = await client.sdk.space({ id: post.spaceId });
      expect(Object.keys(space).sort()).toEqual([...SPACE_FIELDS].sort());
      expect(space.id).toBe(post.space?.id);
    } finally {
      client.close();
    }
  });
});
