import { GraphQLClient } from 'graphql-request';
import { describe, expectTypeOf, it } from 'vitest';
import { paginate, type NodeOf, type PageOf, type TribeSdk } from '../../src/index.js';
import {
  getSdk,
  type MemberFieldsFragment,
  type PostFieldsFragment,
  type SpaceFieldsFragment,
  type SpaceMemberFieldsFragment,
  type TagFieldsFragment,
} from '../../generated/sdk.js';

// Never sent: paginate sends nothing until it is iterated, and these tests only check types.
const sdk: TribeSdk = getSdk(new GraphQLClient('http://127.0.0.1:9/graphql'));

describe('paginate types', () => {
  it('infers the node type from the operation', () => {
    expectTypeOf<NodeOf<TribeSdk['posts']>>().toEqualTypeOf<PostFieldsFragment>();
    expectTypeOf<NodeOf<TribeSdk['members']>>().toEqualTypeOf<MemberFieldsFragment>();
    expectTypeOf<NodeOf<TribeSdk['spaceMembers']>>().toEqualTypeOf<SpaceMemberFieldsFragment>();
    expectTypeOf<NodeOf<TribeSdk['tags']>>().toEqualTypeOf<TagFieldsFragment>();
    const posts = paginate(sdk.posts, { limit: 50, spaceIds: ['SpcGeneral'] });
    expectTypeOf(posts).toExtend<AsyncIterable<PostFieldsFragment>>();
    expectTypeOf(posts.collect).returns.resolves.toEqualTypeOf<PostFieldsFragment[]>();
    expectTypeOf(posts.pages).returns.toEqualTypeOf<AsyncIterableIterator<PageOf<TribeSdk['posts']>>>();
    expectTypeOf<PageOf<TribeSdk['posts']>['totalCount']>().toEqualTypeOf<number | null>();
    expectTypeOf<PageOf<TribeSdk['posts']>['nodes']>().toEqualTypeOf<PostFieldsFragment[]>();
    expectTypeOf(paginate(sdk.memberSpaces, { memberId: 'm', limit: 5 }).collect)
      .returns.resolves.items.toHaveProperty('space')
      .toEqualTypeOf<SpaceFieldsFragment | null>();
  });

  it("takes the operation's own variables, less after", () => {
    expectTypeOf(paginate<TribeSdk['posts']>)
      .parameter(1)
      .toHaveProperty('spaceIds');
    expectTypeOf(paginate<TribeSdk['posts']>)
      .parameter(1)
      .not.toHaveProperty('after');
    expectTypeOf(paginate<TribeSdk['memberPosts']>)
      .parameter(1)
      .toHaveProperty('memberId')
      .toEqualTypeOf<string>();
  });

  it('rejects operations that are not paginated and variables that do not fit', () => {
    // Type checks only; calling these would throw before any request.
    const rejected = () => {
      // @ts-expect-error post returns one post, not a connection
      paginate(sdk.post, { id: 'Pst0000001' });
      // @ts-expect-error collections returns a plain list
      paginate(sdk.collections, {});
      // @ts-expect-error network takes no pages
      paginate(sdk.network, {});
      // @ts-expect-error spaceIds is a list of IDs
      paginate(sdk.posts, { limit: 50, spaceIds: 42 });
      // @ts-expect-error limit is required
      paginate(sdk.posts, { spaceIds: ['SpcGeneral'] });
      // @ts-expect-error after is set by paginate
      paginate(sdk.posts, { limit: 50, after: 'cursor' });
      // @ts-expect-error memberPosts needs memberId
      paginate(sdk.memberPosts, { limit: 50 });
      // @ts-expect-error no such variable
      paginate(sdk.tags, { limit: 50, spaceIds: ['SpcGeneral'] });
      // @ts-expect-error maxItems is a number
      paginate(sdk.posts, { limit: 50 }, { maxItems: 'ten' });
    };
    expectTypeOf(rejected).toBeFunction();
  });
});
