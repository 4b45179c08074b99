import { expect, it } from 'vitest';
import { ui } from '../../src/slate/index.js';
import { createWebhookHandler, toNodeListener } from '../../src/webhooks/index.js';
import { startOwnEmulator } from '../support/emulator.js';
import { serveOnLoopback } from '../webhooks/handler-server.js';
import { APP_SECRET } from './app-server.js';

it("an app written with the SDK's routing passes every check of the emulator: block, settings round trip, shortcuts, search", async () => {
  const handler = createWebhookHandler<'poll' | 'settings', 'favourite', { greeting?: string }>({
    signingSecret: APP_SECRET,
    blocks: {
      poll: { load: (context) => context.show(ui.Text({ value: `${context.settings?.greeting ?? 'Hello'}, vote here` })) },
      settings: {
        load: (context) =>
          context.show(ui.Form({ callbackId: 'save' }, ui.Input({ name: 'greeting', label: 'Greeting' }), ui.Button({ text: 'Save', type: 'submit' }))),
        callbacks: { save: (context, inputs) => context.store({ greeting: String(inputs.greeting) }, context.toast({ status: 'SUCCESS', title: 'Saved' })) },
      },
    },
    shortcuts: {
      favourite: {
        click: (context) => context.toast({ status: 'NEUTRAL', title: 'Favourited' }),
        state: (target) => (target.context === 'POST' ? 'favourite' : undefined),
      },
    },
    search: (query) => [{ id: 'r1', title: `Polls about ${query}`, description: 'One poll', url: '/polls/r1' }],
  });
  const listener = toNodeListener(handler);
  const url = await serveOnLoopback((request, response) => listener(request, response));
  const emulator = await startOwnEmulator({ webhooks: { url, signingSecret: APP_SECRET }, app: { dynamicBlocks: ['poll'], shortcuts: ['favourite'] } });

  const before = await emulator.interact({ block: 'poll' });
  expect(before.problems).toEqual([]);
  expect(JSON.stringify(before.interactions[0]!.slate)).toContain('Hello, vote here');
  const saved = await emulator.interact({ block: 'settings', callbackId: 'save', inputs: { greeting: 'Moin' } });
  expect([saved.problems, saved.interactions.map((item) => item.type)]).toEqual([[], ['OPEN_TOAST']]);
  const after = await emulator.interact({ block: 'poll' });
  expect(JSON.stringify(after.interactions[0]!.slate)).toContain('Moin, vote here');

  const states = await emulator.shortcutStates();
  expect(states.problems).toEqual([]);
  expect(states.answer).toMatchObject({
    data: [
      { context: 'POST', shortcutStates: [{ shortcut: 'favourite', state: 'favourite' }] },
      { context: 'SPACE', shortcutStates: [] },
    ],
  });
  const click = await emulator.interact({ shortcut: 'favourite' });
  expect([click.problems, click.interactions[0]?.props]).toEqual([[], { status: 'NEUTRAL', title: 'Favourited' }]);
  const search = await emulator.search('types');
  expect([search.problems, search.answer]).toEqual([
    [],
    { type: 'FEDERATED_SEARCH', status: 'SUCCEEDED', data: [{ id: 'r1', title: 'Polls about types', description: 'One poll', url: '/polls/r1' }] },
  ]);
});
