import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSlate, type Slate } from '../src/slate/index.js';
import { TOAST_STATUSES } from '../src/webhooks/index.js';
import { platformSign } from './webhooks/signed.js';

// Runs `npm run example:interactive` as a user would and talks to it over real HTTP, signing like the platform.
const REPO = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'whsec-interactive-example-5f1e';
const require = createRequire(import.meta.url);
const { SlateDto } = require('@tribeplatform/slate-kit/dtos') as { SlateDto: { fromPlain(plain: unknown): unknown } };

let url = '';
let output = '';
let stop: () => Promise<void> = async () => undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  // A process group of its own, so that stopping it ends npm, tsx and the app together.
  const child = spawn('npm', ['run', '--silent', 'example:interactive'], {
    cwd: REPO,
    detached: true,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), TRIBE_SIGNING_SECRET: SECRET },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stop = async () => {
    process.kill(-child.pid!, 'SIGTERM');
    const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('listening on ')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`the example exited: ${output}`)));
  });
  url = `http://127.0.0.1:${port}/webhook`;
}, 60_000);

afterAll(() => stop());

function envelope(type: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type, networkId: 'NetPoll001', context: 'NETWORK', entityId: 'NetPoll001', currentSettings: [], data, entities: {}, ...extra });
}

function interaction(data: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const base = { actorId: 'MbrAdaL001', appId: 'AppPoll01', interactionId: `Int${Math.random().toString(36).slice(2, 8)}`, preview: false };
  return envelope('INTERACTION', { dynamicBlockKey: null, shortcutKey: null, callbackId: null, inputs: null, ...base, ...data }, extra);
}

async function post(body: string, headers: Record<string, string> = platformSign(body, SECRET)) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, any> };
}

/** A slate from an answer, checked as the platform would: our validator (strict) and slate-kit's DTO classes. */
function checkedSlate(slate: unknown): Slate {
  expect(() => SlateDto.fromPlain(slate)).not.toThrow();
  return validateSlate(slate);
}

const texts = (slate: Slate) => slate.blocks.filter((block) => block.name === 'Text').map((block) => block.props.value);

describe('the interactive example app (npm run example:interactive)', { timeout: 30_000 }, () => {
  it('answers the URL check', async () => {
    const answer = await post(envelope('TEST', { challenge: 'poll-challenge' }));
    expect(answer).toMatchObject({ status: 200, json: { type: 'TEST', status: 'SUCCEEDED', data: { challenge: 'poll-challenge' } } });
  });

  it('loads the block with a valid slate whose form submits with the callback id "submit", and shows the latest post from a subscription', async () => {
    const published = JSON.stringify({
      type: 'SUBSCRIPTION',
      networkId: 'NetPoll001',
      data: { id: 'EvtPoll1', name: 'post.published', actor: { id: 'MbrAdaL001' }, object: { id: 'PstTabs1', title: 'Tabs forever' } },
    });
    expect((await post(published)).status).toBe(200);
    const answer = await post(interaction({ dynamicBlockKey: 'example' }));
    expect(answer.json).toMatchObject({ type: 'INTERACTION', status: 'SUCCEEDED' });
    const [shown] = answer.json.data.interactions;
    expect(shown.type).toBe('SHOW');
    const slate = checkedSlate(shown.slate);
    expect(slate.blocks.find((block) => block.name === 'Form')?.props).toEqual({ callbackId: 'submit' });
    expect(slate.blocks.find((block) => block.id === 'submit')?.props).toMatchObject({ type: 'submit', callbackId: 'submit' });
    expect(slate.blocks.find((block) => block.name === 'Card.Header')?.props).toEqual({ title: 'Tabs or spaces?', description: 'Latest post: Tabs forever' });
    expect(texts(slate)).toEqual(['Tabs: 0 votes', 'Spaces: 0 votes']);
  });

  it('answers a form submit with a toast in the platform enum and the new slate', async () => {
    const answer = await post(interaction({ dynamicBlockKey: 'example', callbackId: 'submit', inputs: { choice: 'Tabs' } }));
    const [toast, shown] = answer.json.data.interactions;
    expect(toast).toMatchObject({ type: 'OPEN_TOAST', props: { status: 'SUCCESS', title: 'You voted Tabs' } });
    expect(TOAST_STATUSES).toContain(toast.props.status);
    expect(texts(checkedSlate(shown.slate))).toEqual(['Tabs: 1 vote', 'Spaces: 0 votes']);
    const wrong = await post(interaction({ dynamicBlockKey: 'example', callbackId: 'submit', inputs: { choice: 'Both' } }));
    expect(wrong.json.data.interactions).toEqual([
      { id: expect.any(String), type: 'OPEN_TOAST', props: { status: 'WARNING', title: 'Pick one of the options' } },
    ]);
  });

  it('saves its settings page with toStore and reads them back from currentSettings', async () => {
    const saved = await post(interaction({ dynamicBlockKey: 'settings', callbackId: 'save', inputs: { question: 'Vim or Emacs?', options: 'Vim, Emacs' } }));
    expect(saved.json.data.toStore).toEqual({ question: 'Vim or Emacs?', options: 'Vim, Emacs' });
    expect(saved.json.data.interactions.map((item: { type: string }) => item.type)).toEqual(['OPEN_TOAST', 'RELOAD']);
    expect(saved.json.data.interactions[1].props).toEqual({ dynamicBlockKeys: ['example'] });
    const currentSettings = [{ id: 'Set1', context: 'NETWORK', entityId: 'NetPoll001', settings: saved.json.data.toStore }];
    const settingsPage = checkedSlate((await post(interaction({ dynamicBlockKey: 'settings' }, { currentSettings }))).json.data.interactions[0].slate);
    expect(settingsPage.blocks[0]!.props).toEqual({ callbackId: 'save', defaultValues: { question: 'Vim or Emacs?', options: 'Vim, Emacs' } });
    const block = checkedSlate((await post(interaction({ dynamicBlockKey: 'example' }, { currentSettings }))).json.data.interactions[0].slate);
    expect(texts(block)).toEqual(['Vim: 0 votes', 'Emacs: 0 votes']);
  });

  it('answers shortcut states as one entry per entity, and flips them on a click', async () => {
    const states = () =>
      post(
        envelope('SHORTCUTS_STATES', {
          member: { id: 'MbrAdaL001' },
          entities: [
            { context: 'POST', entity: { id: 'PstTabs1' }, shortcuts: ['favorite'] },
            { context: 'POST', entity: { id: 'PstOther' }, shortcuts: ['favorite'] },
          ],
        }),
      );
    const before = await states();
    expect(before.json).toEqual({
      type: 'SHORTCUTS_STATES',
      status: 'SUCCEEDED',
      data: [
        { context: 'POST', entityId: 'PstTabs1', shortcutStates: [{ shortcut: 'favorite', state: 'favorite' }] },
        { context: 'POST', entityId: 'PstOther', shortcutStates: [{ shortcut: 'favorite', state: 'favorite' }] },
      ],
    });
    const click = await post(interaction({ shortcutKey: 'favorite' }, { context: 'POST', entityId: 'PstTabs1' }));
    expect(click.json.data.interactions[0]).toMatchObject({ type: 'OPEN_TOAST', props: { status: 'SUCCESS', title: 'Added to your favourites' } });
    expect((await states()).json.data[0].shortcutStates).toEqual([{ shortcut: 'favorite', state: 'unfavorite' }]);
  });

  it('answers a search with results in the documented array shape', async () => {
    const answer = await post(envelope('FEDERATED_SEARCH', { query: 'TABS' }));
    expect(answer.json).toEqual({
      type: 'FEDERATED_SEARCH',
      status: 'SUCCEEDED',
      data: [{ id: 'PstTabs1', title: 'Tabs forever', description: 'A post the poll app saw published', url: '/post/PstTabs1' }],
    });
    expect((await post(envelope('FEDERATED_SEARCH', { query: 'nothing like it' }))).json.data).toEqual([]);
  });

  it('answers a block it does not have with a clear failure', async () => {
    const answer = await post(interaction({ dynamicBlockKey: 'leaderboard' }));
    expect(answer.json).toEqual({ type: 'INTERACTION', status: 'FAILED', errorCode: 106, errorMessage: 'tribe-sdk: the app has no block "leaderboard"' });
  });

  it('refuses unsigned, badly signed and stale requests, and never shows its secret', async () => {
    const body = interaction({ dynamicBlockKey: 'example' });
    const refused = [
      await post(body, { 'content-type': 'application/json' }),
      await post(body, platformSign(body, 'not-the-secret')),
      await post(body, platformSign(body, SECRET, Date.now() - 16 * 60_000)),
    ];
    expect(refused.map((answer) => [answer.status, answer.json.errorCode])).toEqual([
      [401, 'WEBHOOK_MISSING_SIGNATURE'],
      [401, 'WEBHOOK_BAD_SIGNATURE'],
      [401, 'WEBHOOK_STALE'],
    ]);
    for (const answer of refused) expect(answer.text).not.toContain(SECRET);
    expect(output).toContain('webhook error: tribe-sdk: the webhook signature does not match');
    expect(output).not.toContain(SECRET);
  });
});
