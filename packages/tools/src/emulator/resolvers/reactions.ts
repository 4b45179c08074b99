import { API_CODE, apiError, forbidden, notFound } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import { paginate, type PageArgs } from '../pagination.js';
import { memberViewerOf } from '../viewer.js';
import { canSeePost } from './types.js';

function reactablePost(context: EmulatorContext, postId: string) {
  const post = context.store.post(postId);
  if (!canSeePost(post, context)) throw notFound('post', postId);
  return post;
}

/** Reactions: adding, removing, and who reacted. */
export const reactionResolvers = {
  Query: {
    postReactionParticipants: (_: unknown, args: PageArgs & { postId: string; reaction: string }, context: EmulatorContext) => {
      const post = reactablePost(context, args.postId);
      const ids = post.reactions[args.reaction] ?? [];
      const detail = { postId: post.id, reaction: args.reaction, count: ids.length, reacted: ids.includes(memberViewerOf(context).memberId) };
      return paginate(
        ids.map((id) => ({ id, participant: context.store.member(id) ?? null, reaction: detail })),
        args,
      );
    },
  },
  Mutation: {
    addReaction: (_: unknown, args: { postId: string; input: { reaction: string } }, context: EmulatorContext) => {
      const viewer = memberViewerOf(context);
      const post = reactablePost(context, args.postId);
      const reaction = args.input.reaction.trim();
      if (!reaction) throw apiError(API_CODE.parameterValidation, 'reaction must not be empty');
      const ids = post.reactions[reaction] ?? [];
      if (!ids.includes(viewer.memberId)) post.reactions[reaction] = [...ids, viewer.memberId];
      return { status: 'succeeded' };
    },
    removeReaction: (_: unknown, args: { postId: string; reaction: string; participantId?: string | null }, context: EmulatorContext) => {
      const viewer = memberViewerOf(context);
      const post = reactablePost(context, args.postId);
      const participantId = args.participantId ?? viewer.memberId;
      if (participantId !== viewer.memberId && !viewer.isAdmin) throw forbidden("only admins may take back another member's reaction");
      post.reactions[args.reaction] = (post.reactions[args.reaction] ?? []).filter((id) => id !== participantId);
      return { status: 'succeeded' };
    },
  },
};
