import { describe, expect, it } from 'vitest';
import { TribeConfigError } from '../../src/errors.js';
import { TribeSlateError, ui, validateSlate } from '../../src/slate/index.js';
import { createWebhookHandler, toNodeListener, validateAnswer, type WebhookHandlerOptions } from '../../src/webhooks/index.js';
import { serveOnLoopback } from './handler-server.js';
import { platformSign } from './signed.js';

const SECRET = 'whsec-routing-8e2b5c41d7';

function envelope(type: string, data: Record<string, unknown>, currentSettings: unknown[] = []): string {
  return JSON.stringify({ type, networkId: 'NetAcme001', context: 'NETWORK', entityId: 'NetAcme001', currentSettings, data, entities: {} });
}

function interaction(data: Record<string, unknown>, currentSettings: unknown[] = []): string {
  return envelope(
    'INTERACTION',
    { actorId: 'MbrAdaL001', appId: 'AppPoll01', interactionId: 'Int1', preview: false, shortcutKey: null, callbackId: null, inputs: null, ...data },
    currentSettings,
  );
}

/** Serves the handler on 127.0.0.1 and returns a function that POSTs a signed body; onError's reports are collected. */
async function served(options: Omit<WebhookHandlerOptions, 'signingSecret'>) {
  const errors: unknown[] = [];
  const handler = createWebhookHandler({ signingSecret: SECRET, onError: (error) => void errors.push(error), ...options });
  const url = await serveOnLoopback(toNodeListener(handler));
  const post = async (body: string) => {
    const response = await fetch(url, { method: 'POST', headers: platformSign(body, SECRET), body });
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  };
  return { post, errors };
}

const pollBlock: WebhookHandlerOptions['blocks'] = {
  poll: {
    load: (context) => context.show(ui.Card({}, ui.CardHeader({ title: `Poll for ${context.actorId}` }), ui.CardContent({}, ui.Text({ value: 'Vote' })))),
    callbacks: {
      vote: (context, inputs) => [context.toast({ status: 'SUCCESS', title: `Voted ${String(inputs.choice)}` }), context.reload()],
    },
  },
  settings: {
    load: (context) => context.show(ui.Text({ value: `Greeting: ${String(context.settings?.greeting ?? 'none')}` })),
    callbacks: { save: (context, inputs) => context.store(inputs, context.toast({ status: 'NEUTRAL', title: 'Saved' })) },
  },
};

describe('routing in the handler', () => {
  it('answers a block load with its slate in the wire form, and a callback with its combined interactions', async () => {
    const { post, errors } = await served({ blocks: pollBlock });
    const load = await post(interaction({ dynamicBlockKey: 'poll' }));
    expect(load.status).toBe(200);
    expect(load.json).toMatchObject({ type: 'INTERACTION', status: 'SUCCEEDED' });
    const [shown] = load.json.data.interactions;
    expect(shown).toMatchObject({ id: 'Int1', type: 'SHOW' });
    expect(typeof shown.slate.blocks[0].props).toBe('string');
    expect(validateSlate(shown.slate).blocks.map((block) => [block.name, block.props])).toEqual([
      ['Card', {}],
      ['Card.Header', { title: 'Poll for MbrAdaL001' }],
      ['Card.Content', {}],
      ['Text', { value: 'Vote' }],
    ]);
    const vote = await post(interaction({ dynamicBlockKey: 'poll', callbackId: 'vote', inputs: { choice: 'tabs' } }));
    expect(vote.json.data).toEqual({
      interactions: [
        { id: 'Int1', type: 'OPEN_TOAST', props: { status: 'SUCCESS', title: 'Voted tabs' } },
        { id: 'Int1', type: 'RELOAD', props: {} },
      ],
    });
    expect(errors).toEqual([]);
  });

  it('stores the settings page values with toStore and hands them back from currentSettings', async () => {
    const { post } = await served({ blocks: pollBlock });
    const saved = await post(interaction({ dynamicBlockKey: 'settings', callbackId: 'save', inputs: { greeting: 'moin' } }));
    expect(saved.json.data).toEqual({
      toStore: { greeting: 'moin' },
      interactions: [{ id: 'Int1', type: 'OPEN_TOAST', props: { status: 'NEUTRAL', title: 'Saved' } }],
    });
    const settings = [
      { id: 'Set1', appId: 'AppPoll01', networkId: 'NetAcme001', context: 'NETWORK', entityId: 'NetAcme001', settings: saved.json.data.toStore },
    ];
    const loaded = await post(interaction({ dynamicBlockKey: 'settings' }, settings));
    expect(validateSlate(loaded.json.data.interactions[0].slate).blocks[0]!.props).toEqual({ value: 'Greeting: moin' });
  });

  it('answers an unknown block or callback with a clear failed answer (code 106) and tells onError', async () => {
    const { post, errors } = await served({ blocks: pollBlock });
    const block = await post(interaction({ dynamicBlockKey: 'nope' }));
    expect(block).toEqual({
      status: 200,
      json: { type: 'INTERACTION', status: 'FAILED', errorCode: 106, errorMessage: 'tribe-sdk: the app has no block "nope"' },
    });
    const callback = await post(interaction({ dynamicBlockKey: 'poll', callbackId: 'delete' }));
    expect(callback.json).toMatchObject({ status: 'FAILED', errorCode: 106, errorMessage: 'tribe-sdk: the app has no callback "delete" on the block "poll"' });
    const inherited = await post(interaction({ dynamicBlockKey: 'constructor' }));
    expect(inherited.json).toMatchObject({ status: 'FAILED', errorCode: 106 });
    expect(errors).toHaveLength(3);
    const { post: postNoLoad } = await served({ blocks: { poll: { callbacks: {} } } });
    expect((await postNoLoad(interaction({ dynamicBlockKey: 'poll' }))).json.errorMessage).toBe('tribe-sdk: the app has no load function for the block "poll"');
    expect(errors[0]).toBeInstanceOf(TribeConfigError);
    expect((errors[0] as Error).message).toBe('tribe-sdk: a request asked for what the handler has not: no block "nope" (it has poll, settings)');
  });

  it('falls back to onInteraction for what no route takes', async () => {
    const { post, errors } = await served({
      blocks: pollBlock,
      onInteraction: (event) => ({ status: 'SUCCEEDED', data: { interactions: [{ id: event.data.interactionId, type: 'CLOSE' }] } }),
    });
    const answer = await post(interaction({ dynamicBlockKey: 'other' }));
    expect(answer.json).toEqual({ type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions: [{ id: 'Int1', type: 'CLOSE' }] } });
    expect(errors).toEqual([]);
  });

  it('routes a shortcut click and answers SHORTCUTS_STATES as one entry per entity, leaving out (and reporting) unknown shortcuts', async () => {
    const favourites = new Set(['PstTwo']);
    const { post, errors } = await served({
      shortcuts: {
        favorite: {
          click: (context) => context.toast({ status: 'INFO', title: `Clicked by ${context.actorId}` }),
          state: (target) => (favourites.has(target.entityId) ? 'unfavorite' : 'favorite'),
        },
      },
    });
    const click = await post(interaction({ dynamicBlockKey: null, shortcutKey: 'favorite' }));
    expect(click.json.data.interactions).toEqual([{ id: 'Int1', type: 'OPEN_TOAST', props: { status: 'INFO', title: 'Clicked by MbrAdaL001' } }]);
    const states = await post(
      envelope('SHORTCUTS_STATES', {
        member: { id: 'MbrAdaL001' },
        role: { id: 'RoleMember' },
        entities: [
          { context: 'POST', entity: { id: 'PstOne' }, shortcuts: ['favorite'] },
          { context: 'POST', entity: { id: 'PstTwo' }, shortcuts: ['favorite', 'archive'] },
          { context: 'SPACE', entity: { id: 'SpcOne' }, shortcuts: ['archive', 'pin'] },
        ],
      }),
    );
    expect(states.json).toEqual({
      type: 'SHORTCUTS_STATES',
      status: 'SUCCEEDED',
      data: [
        { context: 'POST', entityId: 'PstOne', shortcutStates: [{ shortcut: 'favorite', state: 'favorite' }] },
        { context: 'POST', entityId: 'PstTwo', shortcutStates: [{ shortcut: 'favorite', state: 'unfavorite' }] },
        { context: 'SPACE', entityId: 'SpcOne', shortcutStates: [] },
      ],
    });
    expect(errors.map((error) => (error as Error).message)).toEqual([
      'tribe-sdk: a request asked for what the handler has not: no shortcuts "archive", "pin" (it has favorite)',
    ]);
  });

  it('answers FEDERATED_SEARCH with the results array, the icon under both spellings', async () => {
    const { post } = await served({
      search: (query) => [{ id: 'Pst1', title: `About ${query}`, description: 'A post', url: 'https://acme.example/p/1', icon: 'https://acme.example/i.png' }],
    });
    const answer = await post(envelope('FEDERATED_SEARCH', { query: 'tabs' }));
    expect(answer.json).toEqual({
      type: 'FEDERATED_SEARCH',
      status: 'SUCCEEDED',
      data: [
        {
          id: 'Pst1',
          title: 'About tabs',
          description: 'A post',
          url: 'https://acme.example/p/1',
          icon: 'https://acme.example/i.png',
          iconUrl: 'https://acme.example/i.png',
        },
      ],
    });
  });

  it('answers SHORTCUTS_STATES and FEDERATED_SEARCH with an empty array when the app has no handler for them', async () => {
    const { post } = await served({});
    expect((await post(envelope('SHORTCUTS_STATES', { entities: [] }))).json.data).toEqual([]);
    expect((await post(envelope('FEDERATED_SEARCH', { query: 'x' }))).json.data).toEqual([]);
  });

  it('never sends a broken slate or a lower-case toast: 5xx, and onError names the block or the field', async () => {
    const { post, errors } = await served({
      onInteraction: (event) =>
        event.data.callbackId === 'toast'
          ? ({ status: 'SUCCEEDED', data: { interactions: [{ id: 'x', type: 'OPEN_TOAST', props: { status: 'success', title: 'Hi' } }] } } as never)
          : ({
              status: 'SUCCEEDED',
              data: { interactions: [{ id: 'x', type: 'SHOW', slate: { rootBlock: 'a', blocks: [{ id: 'a', name: 'Card', children: ['gone'] }] } }] },
            } as never),
    });
    const slate = await post(interaction({ dynamicBlockKey: 'poll' }));
    expect(slate.status).toBe(500);
    expect(errors[0]).toBeInstanceOf(TribeSlateError);
    expect(errors[0]).toMatchObject({ problem: 'dangling-child', blockId: 'a' });
    const toast = await post(interaction({ dynamicBlockKey: 'poll', callbackId: 'toast' }));
    expect(toast.status).toBe(500);
    expect((errors[1] as Error).message).toContain('interactions[0].props.status must be one of SUCCESS, ERROR, WARNING, INFO, NEUTRAL');
  });

  it('never sends search results without a url: 5xx, and onError says which field', async () => {
    const { post, errors } = await served({ search: () => [{ id: 'Pst1', title: 'T', description: 'D' } as never] });
    expect((await post(envelope('FEDERATED_SEARCH', { query: 'x' }))).status).toBe(500);
    expect((errors[0] as Error).message).toBe("tribe-sdk: the app's answer is not one the platform accepts: results[0].url must be a non-empty string");
  });

  it('checks the routes when the handler is created', () => {
    expect(() => createWebhookHandler({ signingSecret: SECRET, search: () => [], onFederatedSearch: () => undefined })).toThrow(TribeConfigError);
    expect(() => createWebhookHandler({ signingSecret: SECRET, blocks: { poll: { load: 'show' as never } } })).toThrow(
      "tribe-sdk: blocks['poll'].load must be",
    );
    expect(() => createWebhookHandler({ signingSecret: SECRET, blocks: { poll: { callbacks: { vote: 1 as never } } } })).toThrow(
      "blocks['poll'].callbacks['vote']",
    );
  });
});

describe('validateAnswer', () => {
  it('accepts valid answers of each kind and returns slates in the wire form', () => {
    const slate = { rootBlock: 'a', blocks: [{ id: 'a', name: 'Text', props: { value: 'Hi' } }] };
    const checked = validateAnswer('INTERACTION', { type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions: [{ id: 'i', type: 'SHOW', slate }] } });
    expect(checked).toMatchObject({ data: { interactions: [{ slate: { blocks: [{ props: '{"value":"Hi"}', children: '[]' }] } }] } });
    expect(validateAnswer('FEDERATED_SEARCH', { status: 'SUCCEEDED', data: [] })).toEqual({ status: 'SUCCEEDED', data: [] });
    expect(validateAnswer('INTERACTION', { status: 'FAILED', errorCode: 106, errorMessage: 'no' })).toMatchObject({ errorCode: 106 });
  });

  it('refuses what the platform would not accept, saying what', () => {
    const refuse = (type: Parameters<typeof validateAnswer>[0], answer: unknown) => () => validateAnswer(type, answer);
    expect(refuse('INTERACTION', 'ok')).toThrow('it is not an object');
    expect(refuse('INTERACTION', { type: 'TEST', status: 'SUCCEEDED', data: {} })).toThrow('its type is "TEST", not INTERACTION');
    expect(refuse('INTERACTION', { status: 'Succeeded', data: {} })).toThrow('status must be one of SUCCEEDED, FAILED');
    expect(refuse('INTERACTION', { status: 'SUCCEEDED', data: {} })).toThrow('data.interactions');
    expect(refuse('SHORTCUTS_STATES', { status: 'SUCCEEDED', data: {} })).toThrow("a SHORTCUTS_STATES answer's data must be an array");
    expect(
      refuse('INTERACTION', { status: 'SUCCEEDED', data: { interactions: [{ id: 'i', type: 'OPEN_MODAL', slate: { rootBlock: 'a', blocks: [] } }] } }),
    ).toThrow('interactions[0].props.title');
    expect(refuse('INTERACTION', { status: 'SUCCEEDED', data: { interactions: [{ id: 'i', type: 'SHOW', slate: { rootBlock: 'a', blocks: [] } }] } })).toThrow(
      TribeSlateError,
    );
  });
});
