// The app under test: greets new members with a post. Your real app would be called from a webhook.
import type { TribeClient } from 'tribe-sdk';

/** Posts a welcome for `memberId` in the space named `spaceName`, as the bot; returns the post's ID. */
export async function welcomeMember(client: TribeClient, memberId: string, spaceName: string): Promise<string> {
  const { member } = await client.sdk.member({ id: memberId });
  const { spaces } = await client.sdk.spaces({ limit: 50 });
  const space = spaces.nodes?.find((candidate) => candidate.name === spaceName);
  if (!space) throw new Error(`no space named ${spaceName}`);
  const { createPost } = await client.sdk.createPost({
    spaceId: space.id,
    input: {
      postTypeId: 'PtyDiscuss',
      publish: true,
      mappingFields: [
        { key: 'title', type: 'text', value: JSON.stringify(`Welcome, ${member.name ?? member.username}!`) },
        { key: 'content', type: 'html', value: JSON.stringify('<p>Say hello in the comments.</p>') },
      ],
    },
  });
  return createPost.id;
}
