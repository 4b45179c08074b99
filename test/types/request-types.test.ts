import { describe, expectTypeOf, it } from 'vitest';
import { CreatePostDocument, PostsDocument, type CreatePostMutation, type PostsQuery } from 'tribe-sdk/generated';
import { createTribeClient } from '../../src/index.js';

// Never sent: the calls sit in functions that are never called; tsc checks their types.
const tribe = createTribeClient({ clientId: 'id', clientSecret: 'secret', networkId: 'net', endpoint: 'http://127.0.0.1:9/graphql' });
// The documents as tribe-sdk/generated exports them, with no cast: codegen gives each its result and variables types.
const posts = PostsDocument;
const createPost = CreatePostDocument;

describe('tribe.request types', () => {
  it("takes a typed document's own variables and types its result", () => {
    const call = () => tribe.request(posts, { limit: 5, spaceIds: ['SpcGeneral'] });
    expectTypeOf(call).returns.resolves.toEqualTypeOf<PostsQuery>();
  });

  it('requires the variables a generated document requires', () => {
    // @ts-expect-error posts requires limit
    const withoutLimit = () => tribe.request(posts);
    // @ts-expect-error limit is an Int
    const wrongType = () => tribe.request(posts, { limit: 'five' });
    expectTypeOf(withoutLimit).toBeFunction();
    expectTypeOf(wrongType).toBeFunction();
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
    expectTypeOf(spelt).returns.resolves.toEqualTypeOf<CreatePostMutation>();
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
