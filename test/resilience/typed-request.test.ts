import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { NetworkDocument, PostsDocument, type NetworkQuery, type PostsQuery, type PostsQueryVariables } from '../../generated/sdk.js';
import { createTribeClient, TribeConfigError, TribeForbiddenError, type TribeEvent } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

describe('tribe.request', () => {
  it('runs a TypedDocumentNode with inferred types, through the same tokens and events as the SDK', async () => {
    const events: TribeEvent[] = [];
    const tribe = createTribeClient({ ...appOptions(emulator.current), onEvent: (event) => events.push(event) });
    const posts = PostsDocument as unknown as TypedDocumentNode<PostsQuery, PostsQueryVariables>;
    const result = await tribe.request(posts, { limit: 3 });
    expectTypeOf(result).toEqualTypeOf<PostsQuery>();
    expect(result.posts.nodes).toHaveLength(3);
    await tribe.sdk.network();
    expect(emulator.current.requestCount('limitedToken')).toBe(1);
    expect(events.filter((event) => event.type === 'request').map((event) => (event as { operationName: string }).operationName)).toEqual(['posts', 'network']);
    tribe.close();
  });

  it('requires variables exactly when the operation has a required one', () => {
    const tribe = createTribeClient(appOptions(emulator.current));
    const posts = PostsDocument as unknown as TypedDocumentNode<PostsQuery, PostsQueryVariables>;
    const network = NetworkDocument as unknown as TypedDocumentNode<NetworkQuery, Record<string, never>>;
    // @ts-expect-error posts declares $limit: Int!
    expectTypeOf(() => tribe.request(posts)).toBeFunction();
    expectTypeOf(() => tribe.request(network)).returns.resolves.toEqualTypeOf<NetworkQuery>();
    tribe.close();
  });

  it('takes a string or a DocumentNode, acts as a member with { memberId }, and maps errors like the SDK', async () => {
    const tribe = createTribeClient(appOptions(emulator.current));
    const [ada] = emulator.current.memberIds;
    const me = await tribe.request<{ authMember: { id: string } }>('query authMember { authMember { id } }', undefined, { memberId: ada });
    expect(me.authMember.id).toBe(ada);
    const network = await tribe.request<{ network: { name: string } }>(parse('query network { network { name } }'));
    expect(network.network.name).toBe(emulator.current.store.data.network.name);
    const broken = await tribe.request('query { nope').catch((error: unknown) => error);
    expect(broken).toBeInstanceOf(TribeConfigError);
    expect((broken as Error).message).toMatch(/^tribe-sdk: document must be valid GraphQL \(Syntax Error/);
    const other = createTribeClient({ ...appOptions(emulator.current), networkId: emulator.current.uninstalledNetworkId });
    expect(await other.request('query network { network { id } }').catch((error: unknown) => error)).toBeInstanceOf(TribeForbiddenError);
    tribe.close();
    other.close();
  });
});
