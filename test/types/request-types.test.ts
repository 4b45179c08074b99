import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expectTypeOf, it } from 'vitest';
import { CreatePostDocument, PostsDocument, type CreatePostMutationVariables, type PostsQuery, type PostsQueryVariables } from '../../generated/sdk.js';
import { createTribeClient } from '../../src/index.js';

// Never sent: the calls sit in functions that are never called; tsc checks their types.
const tribe = createTribeClient({ clientId: 'id', clientSecret: 'secret', networkId: 'net', endpoint: 'http://127.0.0.1:9/graphql' });
const posts = PostsDocument as unknown as TypedDocumentNode<PostsQuery, PostsQueryVariables>;
const createPost = CreatePostDocument as unknown as TypedDocumentNode<unknown, CreatePostMutationVariables>;

describe('tribe.request types', () => {
  it("takes a typed document's own variables and types its result", () => {
    const call = () => tribe.request(posts, { limit: 5, spaceIds: ['SpcGeneral'] });
    expectTypeOf(call).returns.resolves.toEqualTypeOf<PostsQuery>();
  });

  it('refuses an excess variable, as tribe.sdk does', () => {
    // @ts-expect-error extra is not a variable of posts
    const viaRequest = () => tribe.request(posts, { limit: 5, extra: 1 });
    // @ts-expect-error extra is not a variable of posts
    const viaSdk = () => tribe.sdk.posts({ limit: 5, extra: 1 });
    expectTypeOf(viaRequest).toBeFunction();
    expectTypeOf(viaSdk).toBeFunction();
  });

  it('refuses a misspelt field of a nested input', () => {
    const input = { spaceId: 'SpcGeneral', postTypeId: 'Discussion', mappingFields: [] };
    const spelt = () => tribe.request(createPost, { spaceId: 'SpcGeneral', input });
    // @ts-expect-error titel is not a field of CreatePostInput
    const misspelt = () => tribe.request(createPost, { spaceId: 'SpcGeneral', input: { ...input, titel: 'Hello' } });
    expectTypeOf(spelt).toBeFunction();
    expectTypeOf(misspelt).toBeFunction();
  });

  it('still takes any variables with an untyped document', () => {
    const call = () => tribe.request('query anything($x: Int) { network { id } }', { x: 1, y: 'any' });
    expectTypeOf(call).returns.resolves.toBeUnknown();
  });
});
