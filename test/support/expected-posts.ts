import type { PostRecord } from '../../packages/tools/src/emulator/index.js';

/**
 * The IDs of the published top-level posts, newest first (ties by ID, descending), worked out here
 * rather than by the store's own helper, so that a bug shared with the resolvers cannot hide.
 */
export function newestPublishedPostIds(posts: readonly PostRecord[], keep: (post: PostRecord) => boolean = () => true): string[] {
  return [...posts]
    .filter((post) => post.status === 'PUBLISHED' && post.repliedToId === null && keep(post))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .map((post) => post.id);
}
