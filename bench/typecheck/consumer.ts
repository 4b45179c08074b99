/** A consumer of the generated SDK, type-checked by the benchmark: typed calls and result narrowing. */
import type { GraphQLClient } from 'graphql-request';
import { getSdk, type PostsQuery } from '../../generated/sdk.js';

/** Titles of the first page of posts, through the typed SDK. */
export async function postTitles(client: GraphQLClient): Promise<string[]> {
  const sdk = getSdk(client);
  const page: PostsQuery = await sdk.posts({ limit: 10, orderBy: 'createdAt' });
  const member = await sdk.member({ id: 'm-1' });
  const spaces = await sdk.spaces({ limit: 5 });
  return [...(page.posts.nodes ?? []).map((post) => post.title ?? ''), member.member.name ?? '', String(spaces.spaces.totalCount)];
}
