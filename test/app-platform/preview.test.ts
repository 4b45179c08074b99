import { describe, expect, it } from 'vitest';
import { buildSlate, ui } from '../../src/slate/index.js';
import { chromiumAvailable } from '../support/chromium.js';
import { openPage } from './browser.js';
import { createWebhookHandler, toNodeListener, type InteractionContext } from '../../src/webhooks/index.js';
import { startOwnEmulator } from '../support/emulator.js';
import { serveOnLoopback } from '../webhooks/handler-server.js';
import { APP_SECRET, emulatorWithApp } from './app-server.js';

const pollSlate = () =>
  buildSlate(
    ui.Container(
      { id: 'poll' },
      ui.Card(
        {},
        ui.CardHeader({ title: 'Favourite language' }),
        ui.CardContent(
          {},
          ui.Form(
            { id: 'vote', callbackId: 'vote' },
            ui.Input({ name: 'choice', label: 'Your choice', required: true }),
            ui.Select({
              name: 'reason',
              label: 'Why',
              items: [
                { value: 'types', text: 'The types' },
                { value: 'speed', text: 'The speed' },
              ],
            }),
            ui.Toggle({ name: 'notify', label: 'Tell me the result' }),
            ui.Button({ text: 'Vote', type: 'submit', callbackId: 'submit' }),
          ),
        ),
      ),
      ui.Button({ text: 'Details', callbackId: 'details' }),
      ui.Button({ text: 'Leave', callbackId: 'leave' }),
      ui.Text({ value: '<script>window.pwned = 1</script>' }),
    ),
  );

/**
 * A poll app written with the SDK's handler and its block routing: every kind of answer the preview shows, one per
 * callback; `received` holds each interaction's data as the app saw it.
 */
async function pollApp() {
  const received: Array<Record<string, unknown>> = [];
  const seen = (context: InteractionContext): void => void received.push(context.event.data);
  const handler = createWebhookHandler({
    signingSecret: APP_SECRET,
    blocks: {
      poll: {
        load: (context) => (seen(context), context.show(pollSlate())),
        callbacks: {
          submit: (context, inputs) => {
            seen(context);
            return [
              context.toast({ status: 'SUCCESS', title: `Thanks for voting ${String(inputs.choice)}` }),
              context.show(ui.Text({ value: `Results: ${String(inputs.choice)}, 1 vote` })),
            ];
          },
          details: (context) => {
            seen(context);
            return context.openModal(ui.Container({}, ui.Text({ value: 'One vote per member.' }), ui.Button({ text: 'Got it', callbackId: 'ack' })), {
              title: 'About the poll',
              size: 'md',
            });
          },
          ack: (context) => (seen(context), [context.close(), context.toast({ status: 'INFO', title: 'Noted' })]),
          leave: (context) => (seen(context), context.redirect('https://community.example.test/spaces', true)),
        },
      },
    },
  });
  const listener = toNodeListener(handler);
  const url = await serveOnLoopback((request, response) => listener(request, response));
  const emulator = await startOwnEmulator({ webhooks: { url, signingSecret: APP_SECRET }, app: { dynamicBlocks: ['poll'] } });
  return { emulator, received };
}

describe('the block preview in headless Chromium', () => {
  it('loads a block, fills and submits its form, and shows the toast and the new slate', async (context) => {
    if (!chromiumAvailable("the block preview's browser tests")) return context.skip();
    const { emulator, received } = await pollApp();
    const actor = emulator.memberIds[2]!;
    const page = await openPage();
    await page.goto(`${emulator.previewUrl}/blocks/poll?actor=${actor}`);
    await page.getByRole('heading', { name: 'Favourite language' }).waitFor();
    expect(await page.getByText('<script>window.pwned = 1</script>').count()).toBe(1);
    await page.getByLabel('Your choice').fill('TypeScript');
    await page.getByLabel('Why').selectOption('speed');
    await page.getByLabel('Tell me the result').check();
    await page.getByRole('button', { name: 'Vote' }).click();
    await page.getByRole('status').filter({ hasText: 'Thanks for voting TypeScript' }).waitFor();
    expect(await page.getByRole('region', { name: 'The block poll' }).innerText()).toBe('Results: TypeScript, 1 vote');
    expect(await page.getByLabel('Your choice').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    const interactions = received;
    expect(interactions).toMatchObject([
      { dynamicBlockKey: 'poll', actorId: actor, callbackId: null, inputs: null },
      { dynamicBlockKey: 'poll', actorId: actor, callbackId: 'submit', inputs: { choice: 'TypeScript', reason: 'speed', notify: true } },
    ]);
  });

  it('opens a modal over the block, closes it from its own button, and shows a redirect', async (context) => {
    if (!chromiumAvailable("the block preview's browser tests")) return context.skip();
    const { emulator, received } = await pollApp();
    const page = await openPage();
    await page.goto(`${emulator.previewUrl}/blocks/poll`);
    await page.getByRole('button', { name: 'Details' }).click();
    const modal = page.getByRole('dialog', { name: 'About the poll' });
    await modal.waitFor();
    expect(await modal.getByText('One vote per member.').count()).toBe(1);
    expect(await page.getByLabel('Your choice').count()).toBe(1);
    await modal.getByRole('button', { name: 'Got it' }).click();
    await page.getByRole('status').filter({ hasText: 'Noted' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Leave' }).click();
    const redirect = page.getByRole('status').filter({ hasText: 'redirects the member out of the community' });
    await redirect.waitFor();
    expect(await redirect.getByRole('link').getAttribute('href')).toBe('https://community.example.test/spaces');
    expect(received.map((data) => data.callbackId)).toEqual([null, 'details', 'ack', 'leave']);
  });

  it('shows an invalid answer with the reason, and leaves the slate as it was', async (context) => {
    if (!chromiumAvailable("the block preview's browser tests")) return context.skip();
    // The SDK's handler refuses to send a broken slate, so a scripted app sends one.
    const { emulator } = await emulatorWithApp(
      {
        interaction: (event) => {
          const id = event.data.interactionId;
          const slate = event.data.callbackId === null ? buildSlate(ui.Button({ text: 'Break', callbackId: 'broken' })) : { rootBlock: 'gone', blocks: [] };
          return { type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions: [{ id, type: 'SHOW', slate }] } };
        },
      },
      { dynamicBlocks: ['poll'] },
    );
    const page = await openPage();
    await page.goto(`${emulator.previewUrl}/blocks/poll`);
    await page.getByRole('button', { name: 'Break' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/The app's answer is invalid\s+data\.interactions\[0\]\.slate is invalid: .*gone/);
    expect(await page.getByRole('button', { name: 'Break' }).count()).toBe(1);
  });
});

describe('the block preview over HTTP', () => {
  it('serves an index of the blocks, 404 for unknown ones, and only to pages of this machine', async () => {
    const { emulator, received } = await pollApp();
    const index = await fetch(emulator.previewUrl!);
    expect(index.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await index.text()).toContain('href="/preview/blocks/poll"');
    expect((await fetch(`${emulator.previewUrl}/blocks/nope`)).status).toBe(404);
    const body = new URLSearchParams({ __actor: emulator.memberIds[0]!, __callback: 'leave' });
    const forged = await fetch(`${emulator.previewUrl}/blocks/poll`, { method: 'POST', body, headers: { origin: 'http://evil.example.test' } });
    expect(forged.status).toBe(403);
    const crossSite = await fetch(`${emulator.previewUrl}/blocks/poll`, { method: 'POST', body, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(received).toEqual([]);
    const own = await fetch(`${emulator.previewUrl}/blocks/poll`, { method: 'POST', body });
    expect(await own.text()).toContain('redirects the member');
    expect(received.map((data) => data.callbackId)).toEqual(['leave']);
  });

  it('renders links and images only with http(s) or path URLs, and text as text', async () => {
    const slate = {
      rootBlock: 'root',
      blocks: [
        { id: 'root', name: 'Container', props: {}, children: ['safe', 'script', 'image', 'pixel', 'markup'] },
        { id: 'safe', name: 'Link', props: { href: '/spaces/general', text: 'General' }, children: [] },
        { id: 'script', name: 'Link', props: { href: 'javascript:alert(1)', text: 'Click me' }, children: [] },
        { id: 'image', name: 'Image', props: { url: 'https://cdn.example.test/a.png', alt: 'A "quoted" alt' }, children: [] },
        { id: 'pixel', name: 'Image', props: { url: 'file:///etc/passwd' }, children: [] },
        { id: 'markup', name: 'Text', props: { value: '<img src=x onerror=alert(1)>', format: 'html' }, children: [] },
      ],
    };
    const { emulator } = await emulatorWithApp(
      {
        interaction: (event) => ({ type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions: [{ id: event.data.interactionId, type: 'SHOW', slate }] } }),
      },
      { dynamicBlocks: ['links'] },
    );
    const html = await (await fetch(`${emulator.previewUrl}/blocks/links`)).text();
    expect(html).toContain('<a href="/spaces/general">General</a>');
    expect(html).toContain('<span>Click me</span>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<img src="https://cdn.example.test/a.png" alt="A &#34;quoted&#34; alt">');
    expect(html).not.toContain('file:');
    expect(html).toContain('<p>&#60;img src=x onerror=alert(1)&#62;</p>');
  });
});
