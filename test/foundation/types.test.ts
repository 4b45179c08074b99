import { describe, expectTypeOf, it } from 'vitest';
import type { AccessToken, TribeSdk } from '../../src/index.js';
import type {
  CreatePostMutationVariables,
  LimitedTokenQuery,
  LimitedTokenQueryVariables,
  MemberQueryVariables,
  NetworkQuery,
  PostStatus,
  PostsQuery,
  PostsQueryVariables,
} from '../../generated/sdk.js';

type PostNode = NonNullable<PostsQuery['posts']['nodes']>[number];

/** Type-level only: `tsc --noEmit` checks these, and nothing here is ever called. */
function neverCalled(sdk: TribeSdk): void {
  // @ts-expect-error posts needs its required $limit
  void sdk.posts();
  // @ts-expect-error posts needs its required $limit
  void sdk.posts({ after: 'cursor' });
  // @ts-expect-error post needs its required $id
  void sdk.post({});
  // @ts-expect-error createPost needs $spaceId and $input
  void sdk.createPost({ spaceId: 'SpcGeneral' });
  // @ts-expect-error $limit is an Int, not a string
  void sdk.posts({ limit: '10' });
  // @ts-expect-error variables the operation does not declare are refused
  void sdk.post({ id: 'Pst1', title: 'no such variable' });
}

describe('generated types are operation-precise', () => {
  it('a posts node has exactly the fields the PostFields fragment selects', () => {
    expectTypeOf<keyof PostNode>().toEqualTypeOf<
      | 'id'
      | 'title'
      | 'slug'
      | 'shortContent'
      | 'status'
      | 'postTypeId'
      | 'spaceId'
      | 'ownerId'
      | 'repliedToId'
      | 'createdAt'
      | 'updatedAt'
      | 'publishedAt'
      | 'repliesCount'
      | 'totalRepliesCount'
      | 'reactionsCount'
      | 'tagIds'
      | 'relativeUrl'
      | 'fields'
      | 'space'
      | 'owner'
      | 'reactions'
    >();
    expectTypeOf<PostNode['title']>().toEqualTypeOf<string | null>();
    expectTypeOf<PostNode['id']>().toEqualTypeOf<string>();
    expectTypeOf<PostNode['createdAt']>().toEqualTypeOf<string>();
    expectTypeOf<PostNode['status']>().toEqualTypeOf<PostStatus>();
    expectTypeOf<NonNullable<PostNode['space']>>().toEqualTypeOf<{ id: string; name: string; slug: string }>();
    expectTypeOf<PostsQuery['posts']['pageInfo']>().toEqualTypeOf<{ endCursor: string | null; hasNextPage: boolean }>();
    expectTypeOf<PostsQuery['posts']['totalCount']>().toEqualTypeOf<number | null>();
  });

  it('a query result carries only what the operation selects', () => {
    expectTypeOf<keyof NetworkQuery['network']>().toEqualTypeOf<
      'id' | 'name' | 'domain' | 'description' | 'locale' | 'visibility' | 'membersCount' | 'createdAt'
    >();
    expectTypeOf<LimitedTokenQuery>().toEqualTypeOf<{ limitedToken: { accessToken: string; gatewayUrl: string | null } }>();
    expectTypeOf<ReturnType<TribeSdk['posts']>>().toEqualTypeOf<Promise<PostsQuery>>();
    expectTypeOf<ReturnType<TribeSdk['network']>>().toEqualTypeOf<Promise<NetworkQuery>>();
  });

  it('required variables are required, optional ones optional', () => {
    expectTypeOf<PostsQueryVariables['limit']>().toEqualTypeOf<number>();
    expectTypeOf<PostsQueryVariables>().toHaveProperty('after').toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Pick<PostsQueryVariables, 'limit'>>().toExtend<PostsQueryVariables>();
    expectTypeOf<Record<string, never>>().not.toExtend<PostsQueryVariables>();
    expectTypeOf<{}>().toExtend<MemberQueryVariables>();
    expectTypeOf<CreatePostMutationVariables['spaceId']>().toEqualTypeOf<string>();
    expectTypeOf<LimitedTokenQueryVariables['impersonateMemberId']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Omit<LimitedTokenQueryVariables, 'impersonateMemberId'>>().toExtend<LimitedTokenQueryVariables>();
    expectTypeOf<TribeSdk['posts']>().toBeCallableWith({ limit: 5 });
    expectTypeOf<TribeSdk['posts']>().toBeCallableWith({ limit: 5, after: 'cursor', offset: 2 });
    expectTypeOf<TribeSdk['network']>().toBeCallableWith();
    expectTypeOf<TribeSdk['member']>().toBeCallableWith({ username: 'ada' });
    expectTypeOf(neverCalled).toBeFunction();
  });

  it('the auth wrapper returns the documented AccessToken shape', () => {
    expectTypeOf<AccessToken>().toEqualTypeOf<{ accessToken: string; gatewayUrl?: string | undefined; expiresAt?: number | undefined }>();
  });
});
