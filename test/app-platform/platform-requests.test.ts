import { describe, expect, it } from 'vitest';
import { TribeConfigError } from '../../src/index.js';
import { buildSlate, ui } from '../../src/slate/index.js';
import { startEmulator, type AnswerProblem } from '../../packages/tools/src/emulator/index.js';
import { serveOnLoopback } from '../webhooks/handler-server.js';
import { APP_SECRET, emulatorWithApp } from './app-server.js';

const pollSlate = () =>
  buildSlate(
    ui.Card(
      { id: 'poll' },
      ui.CardHeader({ title: 'Favourite language' }),
      ui.CardContent(
        {},
        ui.Form(
          { id: 'vote', callbackId: 'vote' },
          ui.Input({ name: 'choice', label: 'Your choice' }),
          ui.Button({ text: 'Vote', type: 'submit', callbackId: 'submit' }),
        ),
      ),
    ),
  );

const ok = (interactions: unknown[]) => ({ type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions } });

describe('the emulator asks a registered app as the platform would', () => {
  it('loads a block and sends a callback with inputs, signed, to the interaction URL; the answers are checked and valid', async () => {
    const { emulator, received } = await emulatorWithApp(
      {
        interaction: (event) =>
          event.data.callbackId === null
            ? ok([{ id: event.data.interactionId, type: 'SHOW', slate: pollSlate() }])
            : ok([
                { id: event.data.interactionId, type: 'OPEN_TOAST', props: { status: 'SUCCESS', title: `Voted ${String(event.data.inputs?.choice)}` } },
                { id: event.data.interactionId, type: 'SHOW', slate: buildSlate(ui.Text({ value: 'Thanks!' })) },
              ]),
      },
      { dynamicBlocks: ['poll'] },
    );
    const actor = emulator.memberIds[2]!;
    const load = await emulator.interact({ block: 'poll', actor });
    expect(load.problems).toEqual([]);
    expect(load.valid).toBe(true);
    expect(load.interactions.map((item) => item.type)).toEqual(['SHOW']);
    const vote = await emulator.interact({ block: 'poll', actor, callbackId: 'submit', inputs: { choice: 'TypeScript' } });
    expect(vote.valid).toBe(true);
    expect(vote.interactions.map((item) => [item.type, item.props?.title])).toEqual([
      ['OPEN_TOAST', 'Voted TypeScript'],
      ['SHOW', undefined],
    ]);
    expect(received.map(({ path, event }) => [path, event.type])).toEqual([
      ['/webhook/interaction', 'INTERACTION'],
      ['/webhook/interaction', 'INTERACTION'],
    ]);
    const [first, second] = received.map(({ event }) => event.data as Record<string, unknown>);
    expect(first).toMatchObject({ actorId: actor, appId: emulator.appId, dynamicBlockKey: 'poll', callbackId: null, inputs: null, shortcutKey: null });
    expect(second).toMatchObject({ callbackId: 'submit', inputs: { choice: 'TypeScript' } });
    expect(first!.interactionId).not.toBe(second!.interactionId);
    expect(vote.interactionId).toBe(second!.interactionId);
  });

  it('reports each bad answer with the block and the reason', async () => {
    const answers: unknown[] = [
      ok([{ id: 'i', type: 'SHOW', slate: { rootBlock: 'root', blocks: [{ id: 'root', name: 'Container', props: {}, children: ['gone'] }] } }]),
      ok([{ id: 'i', type: 'OPEN_TOAST', props: { status: 'success', title: 'Saved' } }]),
      ok([{ id: 'i', type: 'OPEN_MODAL', slate: buildSlate(ui.Text({ value: 'x' })), props: { size: 'huge' } }]),
      ok([{ id: 'i', type: 'REDIRECT', props: { url: 'javascript:alert(1)' } }]),
      { type: 'INTERACTION', status: 'SUCCEEDED', data: {} },
      { type: 'INTERACTION', status: 'FAILED', errorCode: 'APP_ERROR', errorMessage: 'no' },
    ];
    const { emulator } = await emulatorWithApp(
      { interaction: () => answers.shift() },
      { dynamicBlocks: ['poll'], onInvalidAnswer: (problem) => void reported.push(problem) },
    );
    const reported: AnswerProblem[] = [];
    const reasons: string[][] = [];
    for (let index = 0; index < 6; index += 1) {
      const result = await emulator.interact({ block: 'poll' });
      expect(result.valid).toBe(false);
      expect(result.interactions).toEqual([]);
      reasons.push(result.problems);
    }
    expect(reasons[0]!.join()).toMatch(/data\.interactions\[0\]\.slate is invalid: .*"gone"/);
    expect(reasons[1]).toEqual(['data.interactions[0].props.status must be one of SUCCESS, ERROR, WARNING, INFO, NEUTRAL, not "success"']);
    expect(reasons[2]).toEqual([
      'data.interactions[0].props.title must be a non-empty string, not undefined',
      'data.interactions[0].props.size must be one of xs, sm, md, lg, xl, full, not "huge"',
    ]);
    expect(reasons[3]!.join()).toMatch(/props\.url must be an http\(s\) URL/);
    expect(reasons[4]).toEqual(['data.interactions must be an array, not undefined']);
    expect(reasons[5]).toEqual(['errorCode must be a whole number, not "APP_ERROR"']);
    expect(reported.every((problem) => problem.block === 'block poll')).toBe(true);
    expect(reported.map((problem) => problem.reason)).toEqual(reasons.flat());
  });

  it('accepts a FAILED answer with a numeric code and hands the failure back', async () => {
    const { emulator } = await emulatorWithApp(
      { interaction: () => ({ type: 'INTERACTION', status: 'FAILED', errorCode: 118, errorMessage: 'invalid request' }) },
      { dynamicBlocks: ['poll'] },
    );
    const result = await emulator.interact({ block: 'poll' });
    expect(result).toMatchObject({ valid: true, failure: { errorCode: 118, errorMessage: 'invalid request' }, interactions: [] });
  });

  it('keeps what the settings page stores and sends it back as currentSettings', async () => {
    const { emulator, received } = await emulatorWithApp({
      interaction: (event) =>
        event.data.callbackId === 'save'
          ? { type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions: [{ id: event.data.interactionId, type: 'CLOSE' }], toStore: event.data.inputs } }
          : ok([{ id: event.data.interactionId, type: 'SHOW', slate: buildSlate(ui.Text({ value: 'settings' })) }]),
    });
    await emulator.interact({ block: 'settings' });
    const save = await emulator.interact({ block: 'settings', callbackId: 'save', inputs: { greeting: 'Hi', enabled: true } });
    expect(save.valid).toBe(true);
    await emulator.interact({ block: 'settings' });
    expect(received.map(({ event }) => event.currentSettings)).toEqual([
      [],
      [],
      [
        {
          id: expect.any(String),
          appId: emulator.appId,
          networkId: emulator.networkId,
          context: 'NETWORK',
          entityId: emulator.networkId,
          settings: { greeting: 'Hi', enabled: true },
        },
      ],
    ]);
    expect(JSON.parse(emulator.store.data.apps[0]!.settings)).toEqual({ greeting: 'Hi', enabled: true });
  });

  it('asks shortcut states for posts and spaces at the webhook URL, sends a shortcut click as an INTERACTION, and checks both', async () => {
    const { emulator, received } = await emulatorWithApp(
      {
        shortcutsStates: (event) => ({
          type: 'SHORTCUTS_STATES',
          status: 'SUCCEEDED',
          data: (event.data.entities as Array<{ context: string; entity: { id: string } }>).map((entity) => ({
            context: entity.context,
            entityId: entity.entity.id,
            shortcutStates: [{ shortcut: 'favourite', state: entity.context === 'POST' ? 'ON' : 'OFF' }],
          })),
        }),
        interaction: (event) => ok([{ id: event.data.interactionId, type: 'OPEN_TOAST', props: { status: 'INFO', title: `on ${event.entityId}` } }]),
      },
      { shortcuts: ['favourite'] },
    );
    const post = emulator.store.publishedPosts()[0]!;
    const states = await emulator.shortcutStates({ actor: emulator.memberIds[1]! });
    expect(states.problems).toEqual([]);
    expect(states.answer).toMatchObject({ data: [{ context: 'POST', entityId: post.id }, { context: 'SPACE' }] });
    const [statesRequest] = received;
    expect(statesRequest!.path).toBe('/webhook');
    expect(statesRequest!.event.data).toMatchObject({
      member: { id: emulator.memberIds[1] },
      role: { type: 'moderator' },
      entities: [
        { context: 'POST', entity: { id: post.id }, shortcuts: ['favourite'] },
        { context: 'SPACE', shortcuts: ['favourite'] },
      ],
    });
    const click = await emulator.interact({ shortcut: 'favourite', entity: { context: 'POST', id: post.id } });
    expect(click.interactions[0]?.props).toEqual({ status: 'INFO', title: `on ${post.id}` });
    expect(received[1]!.event.data).toMatchObject({ shortcutKey: 'favourite', dynamicBlockKey: null });
  });

  it('reports shortcut states in the wrong shape and for entities that were not asked about', async () => {
    const answers: unknown[] = [
      { type: 'SHORTCUTS_STATES', status: 'SUCCEEDED', data: {} },
      { type: 'SHORTCUTS_STATES', status: 'SUCCEEDED', data: [{ context: 'POST', entityId: 'PstNope', shortcutStates: [{ shortcut: 'other', state: 'ON' }] }] },
    ];
    const { emulator } = await emulatorWithApp({ shortcutsStates: () => answers.shift() }, { shortcuts: ['favourite'] });
    expect((await emulator.shortcutStates()).problems).toEqual(['data must be an array of { context, entityId, shortcutStates }, not {}']);
    const second = await emulator.shortcutStates();
    expect(second.block).toBe('shortcut states');
    expect(second.problems).toEqual([
      expect.stringMatching(/^data\[0\]\.entityId must be one of the asked entities \(.+\), not "PstNope"$/),
      'data[0].shortcutStates[0].shortcut must be a registered shortcut, not "other"',
    ]);
  });

  it('sends searches to the search URL and checks the results', async () => {
    const { emulator, received } = await emulatorWithApp({
      search: (event) => ({
        type: 'FEDERATED_SEARCH',
        status: 'SUCCEEDED',
        data:
          event.data.query === 'bad'
            ? [{ id: 'r1', title: 'Bad', url: 'ftp://example.test/x' }]
            : [
                {
                  id: 'r1',
                  title: `About ${String(event.data.query)}`,
                  description: 'A result',
                  url: 'https://example.test/r1',
                  icon: 'https://example.test/i.png',
                },
              ],
      }),
    });
    const found = await emulator.search('typescript');
    expect(found).toMatchObject({ valid: true, block: 'search', answer: { data: [{ title: 'About typescript' }] } });
    expect(received.map(({ path, event }) => [path, event.type, event.data])).toEqual([['/webhook/search', 'FEDERATED_SEARCH', { query: 'typescript' }]]);
    expect((await emulator.search('bad')).problems).toEqual(['data[0].url must be an http(s) URL or a path starting with /, not "ftp://example.test/x"']);
  });

  it('reports an app that refuses the signature, fails, or does not answer', async () => {
    const { emulator } = await emulatorWithApp({}, { dynamicBlocks: ['poll'] }, 'another-secret');
    expect((await emulator.interact({ block: 'poll' })).problems).toEqual(['the app answered HTTP 401']);
    const down = await serveOnLoopback((request) => request.socket.destroy());
    const silent = await startEmulator({ webhooks: { url: down, signingSecret: APP_SECRET, maxAttempts: 1 }, app: {} });
    try {
      const search = await silent.search('x');
      expect(search.status).toBeUndefined();
      expect(search.problems[0]).toMatch(/^no answer: /);
    } finally {
      await silent.close();
    }
  });

  it('refuses bad input with a TribeConfigError before any request is sent', async () => {
    const { emulator, received } = await emulatorWithApp({}, { dynamicBlocks: ['poll'], shortcuts: ['favourite'] });
    await expect(emulator.interact({ block: 'nope' })).rejects.toThrow(/registered no block "nope" \(blocks: poll, settings\)/);
    await expect(emulator.interact({ shortcut: 'nope' })).rejects.toBeInstanceOf(TribeConfigError);
    await expect(emulator.interact({ block: 'poll', shortcut: 'favourite' })).rejects.toThrow(/one of block and shortcut/);
    await expect(emulator.interact({ block: 'poll', actor: emulator.store.data.apps[0]!.botMemberId })).rejects.toThrow(/no member/);
    await expect(emulator.shortcutStates({ entities: [{ context: 'POST', id: 'PstMissing' }] })).rejects.toThrow(/no post "PstMissing"/);
    await expect(emulator.search('  ')).rejects.toThrow(/non-empty query/);
    expect(received).toEqual([]);
    const plain = await startEmulator();
    try {
      await expect(plain.interact({ block: 'poll' })).rejects.toThrow(/no app is registered/);
      expect(plain.previewUrl).toBeUndefined();
    } finally {
      await plain.close();
    }
    await expect(startEmulator({ app: { dynamicBlocks: ['poll'] } })).rejects.toThrow(/app needs webhooks/);
    await expect(startEmulator({ webhooks: { url: 'http://127.0.0.1:9/webhook', signingSecret: 's' }, app: { dynamicBlocks: ['a b'] } })).rejects.toThrow(
      /app\.dynamicBlocks holds "a b"/,
    );
    await expect(
      startEmulator({ webhooks: { url: 'http://127.0.0.1:9/webhook', signingSecret: 's' }, app: { searchUrl: 'file:///etc/passwd' } }),
    ).rejects.toThrow(/app\.searchUrl must be an http\(s\) URL/);
  });
});
