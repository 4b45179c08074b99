import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSlate } from '../src/slate/index.js';
import { toNodeListener, type WebhookHandler } from '../src/webhooks/index.js';
import { serveOnLoopback } from './webhooks/handler-server.js';
import { platformSign } from './webhooks/signed.js';

// Runs the snippets of the README's "Interactive apps" section: each is written to a module and imported, and what it
// exports is used for real (the handler is served on 127.0.0.1 and sent signed requests).
const REPO = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const { SlateDto } = require('@tribeplatform/slate-kit/dtos') as { SlateDto: { fromPlain(plain: unknown): unknown } };

let folder = '';
const modules: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Interactive apps\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  // Inside test/, so that Vite resolves tribe-sdk/* to the sources as for every test.
  folder = await mkdtemp(join(REPO, 'test', '.readme-interactive-'));
  for (const [index, code] of blocks.entries()) {
    const file = join(folder, `snippet-${index}.ts`);
    await writeFile(file, code);
    modules.push((await import(/* @vite-ignore */ file)) as Record<string, unknown>);
  }
});

afterAll(() => rm(folder, { recursive: true, force: true }));

function exported<T>(name: string): T {
  const found = modules.find((module) => name in module);
  if (!found) throw new Error(`no README snippet exports ${name}`);
  return found[name] as T;
}

describe('README: Interactive apps', () => {
  it('has three snippets that load', () => {
    expect(modules).toHaveLength(3);
  });

  it('builds a slate that our validator and slate-kit accept', () => {
    const slate = exported<unknown>('pollSlate');
    expect(() => SlateDto.fromPlain(slate)).not.toThrow();
    expect(validateSlate(slate).blocks.map((block) => block.name)).toEqual(['Card', 'Card.Header', 'Card.Content', 'Form', 'Select', 'Button']);
  });

  it('names the problem and the block of a hand-written slate', () => {
    const check = exported<(slate: unknown) => string>('checkHandWritten');
    expect(check({ rootBlock: 'card', blocks: [{ id: 'card', name: 'Card', children: '["gone"]' }] })).toBe('dangling-child in card');
    expect(check({ rootBlock: 'card', blocks: [{ id: 'card', name: 'Card', props: '{}', children: '[]' }] })).toBe('ok: 1 blocks');
  });

  it('serves blocks, settings, a shortcut and search with the routed handler', async () => {
    const url = await serveOnLoopback(toNodeListener(exported<WebhookHandler>('handler')));
    const secret = process.env.TRIBE_SIGNING_SECRET ?? 'local-secret';
    const post = async (type: string, data: Record<string, unknown>, currentSettings: unknown[] = []) => {
      const body = JSON.stringify({ type, networkId: 'NetAcme001', entityId: 'PstOne', currentSettings, data });
      const response = await fetch(url, { method: 'POST', headers: platformSign(body, secret), body });
      return (await response.json()) as Record<string, any>;
    };
    const interaction = (data: Record<string, unknown>, settings: unknown[] = []) =>
      post('INTERACTION', { interactionId: 'Int1', actorId: 'MbrAdaL001', callbackId: null, shortcutKey: null, ...data }, settings);

    const vote = await interaction({ dynamicBlockKey: 'poll', callbackId: 'vote', inputs: { choice: 'tabs' } });
    expect(vote.data.interactions.map((item: { type: string }) => item.type)).toEqual(['OPEN_TOAST', 'RELOAD']);
    const saved = await interaction({ dynamicBlockKey: 'settings', callbackId: 'save', inputs: { question: 'Vim or Emacs?' } });
    expect(saved.data.toStore).toEqual({ question: 'Vim or Emacs?' });
    const load = await interaction({ dynamicBlockKey: 'poll' }, [{ entityId: 'PstOne', settings: saved.data.toStore }]);
    expect(validateSlate(load.data.interactions[0].slate).blocks[0]!.props).toEqual({ value: 'Vim or Emacs? (1 votes)' });
    await interaction({ dynamicBlockKey: null, shortcutKey: 'favorite' });
    const states = await post('SHORTCUTS_STATES', { entities: [{ context: 'POST', entity: { id: 'PstOne' }, shortcuts: ['favorite'] }] });
    expect(states.data).toEqual([{ context: 'POST', entityId: 'PstOne', shortcutStates: [{ shortcut: 'favorite', state: 'unfavorite' }] }]);
    const search = await post('FEDERATED_SEARCH', { query: 'tabs' });
    expect(search.data).toEqual([{ id: 'poll', title: 'Poll results for "tabs"', description: '1 votes', url: '/poll' }]);
    expect(await interaction({ dynamicBlockKey: 'leaderboard' })).toMatchObject({ status: 'FAILED', errorCode: 106 });
  });
});
