// The whole app as handler options: a dynamic block, its settings page, a shortcut on posts, search, and a subscription.
import type { WebhookHandlerOptions } from 'tribe-sdk/webhooks';
import { DEFAULT_SETTINGS, optionsOf, pollSlate, settingsSlate, type PollSettings } from './poll-slates.js';
import { stateOf, tally, toggleFavourite } from './poll-state.js';

/** The app's dynamic blocks and shortcuts: a key outside these is a type error. */
type BlockKey = 'example' | 'settings';
type ShortcutKey = 'favorite';

/** The poll app's routes and subscription; `createWebhookHandler({ signingSecret, ...pollApp })` serves it. */
export const pollApp: Omit<WebhookHandlerOptions<BlockKey, ShortcutKey, PollSettings>, 'signingSecret'> = {
  blocks: {
    example: {
      load: ({ networkId, settings = DEFAULT_SETTINGS, show }) => {
        const state = stateOf(networkId);
        return show(pollSlate(settings, tally(state, optionsOf(settings)), state.posts.at(-1)));
      },
      callbacks: {
        submit: ({ networkId, actorId, settings = DEFAULT_SETTINGS, show, toast }, inputs) => {
          const state = stateOf(networkId);
          const choice = String(inputs.choice ?? '');
          if (!actorId || !optionsOf(settings).includes(choice)) return toast({ status: 'WARNING', title: 'Pick one of the options' });
          state.votes.set(actorId, choice);
          return [toast({ status: 'SUCCESS', title: `You voted ${choice}` }), show(pollSlate(settings, tally(state, optionsOf(settings)), state.posts.at(-1)))];
        },
      },
    },
    settings: {
      load: ({ settings = DEFAULT_SETTINGS, show }) => show(settingsSlate(settings)),
      callbacks: {
        save: ({ store, toast, reload }, inputs) => {
          const settings: PollSettings = { question: String(inputs.question ?? ''), options: String(inputs.options ?? '') };
          if (!settings.question || optionsOf(settings).length < 2) return toast({ status: 'ERROR', title: 'A question and two options, please' });
          return store(settings, toast({ status: 'SUCCESS', title: 'Poll saved' }), reload({ dynamicBlockKeys: ['example'] }));
        },
      },
    },
  },
  shortcuts: {
    favorite: {
      click: ({ event, networkId, actorId, toast }) => {
        const favourite = actorId && event.entityId ? toggleFavourite(stateOf(networkId), actorId, event.entityId) : false;
        return toast({ status: favourite ? 'SUCCESS' : 'NEUTRAL', title: favourite ? 'Added to your favourites' : 'Removed from your favourites' });
      },
      state: ({ entityId, event }) => {
        const memberId = String(event.data.member?.id ?? '');
        return stateOf(event.networkId).favourites.get(memberId)?.has(entityId) ? 'unfavorite' : 'favorite';
      },
    },
  },
  search: (query, { event }) =>
    stateOf(event.networkId)
      .posts.filter((post) => post.title.toLowerCase().includes(query.toLowerCase()))
      .map((post) => ({ id: post.id, title: post.title, description: 'A post the poll app saw published', url: `/post/${post.id}` })),
  on: {
    // The block shows the latest post: the subscription keeps it current.
    'post.published': (event) => {
      const post = event.data.object;
      if (!post.repliedToId) stateOf(event.networkId).posts.push({ id: post.id, title: post.title ?? '(untitled)' });
    },
  },
};
