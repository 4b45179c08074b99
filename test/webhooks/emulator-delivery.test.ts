import { describe, expect, it } from 'vitest';
import { createTribeClient } from '../../src/index.js';
import type { EmulatorWebhookOptions } from '../../packages/tools/src/emulator/index.js';
import { createWebhookHandler, interactionAnswer, show, toNodeListener, type WebhookHandlerOptions } from '../../src/webhooks/index.js';
import { appOptions, startOwnEmulator } from '../support/emulator.js';
import { serveOnLoopback } from './handler-server.js';

const SECRET = 'whsec-emulator-5e8b2a4c6d';

/**
 * A real handler server on 127.0.0.1 and an emulator delivering to it. The server is up first (the emulator needs its URL);
 * requests wait for the handler, which needs the emulator's URL for its client.
 */
async function emulatorWithApp(options: Omit<WebhookHandlerOptions, 'signingSecret'>, delivery: Partial<EmulatorWebhookOptions> = {}) {
  let ready: (listener: ReturnType<typeof toNodeListener>) => void = () => undefined;
  const listener = new Promise<ReturnType<typeof toNodeListener>>((resolve) => (ready = resolve));
  const url = await serveOnLoopback(async (request, response) => (await listener)(request, response));
  const emulator = await startOwnEmulator({ webhooks: { url, signingSecret: SECRET, retryDelayMs: 10, ...delivery } });
  const errors: unknown[] = [];
  const handler = createWebhookHandler({
    signingSecret: SECRET,
    onError: (error) => void errors.push(error),
    client: { clientId: emulator.clientId, clientSecret: emulator.clientSecret, endpoint: emulator.url },
    ...options,
  });
  ready(toNodeListener(handler));
  return { emulator, webhooks: emulator.webhooks!, errors, url, handler };
}

describe('the emulator delivers webhooks to a real handler', () => {
  it('sends the URL check on start (echoed), then APP_INSTALLED for the app networks', async () => {
    const installs: unknown[] = [];
    const { emulator, webhooks } = await emulatorWithApp({ onInstalled: (event) => void installs.push(event.data.networkInfo) });
    await expect(webhooks.urlCheck).resolves.toBe(true);
    await webhooks.idle();
    expect(webhooks.deliveries.map((record) => [record.type, record.status])).toEqual([
      ['TEST', 200],
      ['APP_INSTALLED', 200],
    ]);
    expect(installs).toEqual([{ id: emulator.networkId, graphqlUrl: emulator.url, domain: emulator.store.data.network.domain }]);
  });

  it('reports a failed URL check when the app does not echo the challenge', async () => {
    const url = await serveOnLoopback((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"TEST","status":"SUCCEEDED","data":{"challenge":"wrong"}}'),
    );
    const emulator = await startOwnEmulator({ webhooks: { url, signingSecret: SECRET } });
    await expect(emulator.webhooks!.urlCheck).resolves.toBe(false);
  });

  it('sends signed SUBSCRIPTION events for posts, replies, reactions, joins and profile changes', async () => {
    const events: Array<{ name: string; object: Record<string, unknown>; actor: string }> = [];
    const { emulator, webhooks } = await emulatorWithApp({
      onAny: (event) => void events.push({ name: event.data.name, object: event.data.object, actor: event.data.actor.id }),
    });
    await webhooks.idle();
    const client = createTribeClient(appOptions(emulator));
    const linusId = emulator.memberIds[2]!;
    const linus = client.impersonate(linusId);
    const { createPost } = await linus.createPost({
      spaceId: 'SpcGeneral',
      input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [{ key: 'title', type: 'text', value: JSON.stringify('Webhook me') }] },
    });
    const { createReply } = await client.sdk.createReply({
      postId: createPost.id,
      input: { postTypeId: 'PtyComment', mappingFields: [{ key: 'content', type: 'html', value: '"<p>hi</p>"' }] },
    });
    await linus.addReaction({ postId: createPost.id, input: { reaction: 'like' } });
    await client.impersonate(emulator.memberIds[3]!).joinSpace({ spaceId: 'SpcShowTel' });
    await linus.updateMember({ input: { tagline: 'Now with webhooks' } });
    await webhooks.idle();
    client.close();
    const bot = emulator.store.data.apps[0]!.botMemberId;
    expect(events.map((event) => `${event.name} by ${event.actor}`)).toEqual([
      `post.published by ${linusId}`,
      `post.published by ${bot}`,
      `reaction.added by ${linusId}`,
      `space_membership.created by ${emulator.memberIds[3]}`,
      `member.updated by ${linusId}`,
    ]);
    expect(events[0]!.object).toMatchObject({ id: createPost.id, title: 'Webhook me', repliedToId: null });
    expect(events[1]!.object).toMatchObject({ id: createReply.id, repliedToId: createPost.id });
    expect(events[2]!.object).toEqual({ postId: createPost.id, reaction: 'like', participantId: linusId });
    expect(events[3]!.object).toEqual({ spaceId: 'SpcShowTel', memberId: emulator.memberIds[3] });
    expect(events[4]!.object).toMatchObject({ id: linusId, tagline: 'Now with webhooks' });
    expect(events[4]!.object).not.toHaveProperty('password');
    expect(webhooks.deliveries.filter((record) => record.type === 'SUBSCRIPTION').every((record) => record.status === 200 && record.attempt === 1)).toBe(true);
  });

  it('retries a delivery the handler failed, and the event is processed once', async () => {
    let calls = 0;
    const processed: string[] = [];
    const { emulator, webhooks, errors } = await emulatorWithApp({
      on: {
        'reaction.added': (event) => {
          calls += 1;
          if (calls === 1) throw new Error('first attempt fails');
          processed.push(event.data.id);
        },
      },
    });
    await webhooks.idle();
    await createTribeClient(appOptions(emulator)).sdk.addReaction({ postId: emulator.store.publishedPosts()[0]!.id, input: { reaction: 'heart' } });
    await webhooks.idle();
    const attempts = webhooks.deliveries.filter((record) => record.name === 'reaction.added');
    expect(attempts.map((record) => [record.attempt, record.status])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    expect(new Set(attempts.map((record) => record.deliveryId)).size).toBe(1);
    expect(processed).toEqual([attempts[0]!.eventId]);
    expect(String(errors[0])).toContain('first attempt fails');
  });

  it('gives up after maxAttempts when the app keeps failing, and logs every attempt', async () => {
    const url = await serveOnLoopback((_request, response) => response.writeHead(503).end('busy'));
    const emulator = await startOwnEmulator({ webhooks: { url, signingSecret: SECRET, maxAttempts: 3, retryDelayMs: 5 } });
    await emulator.webhooks!.idle();
    const test = emulator.webhooks!.deliveries.filter((record) => record.type === 'TEST');
    expect(test.map((record) => [record.attempt, record.status, record.answer])).toEqual([
      [1, 503, 'busy'],
      [2, 503, 'busy'],
      [3, 503, 'busy'],
    ]);
    await expect(emulator.webhooks!.urlCheck).resolves.toBe(false);
  });

  it('logs an unreachable app as an error without a status, after bounded retries', async () => {
    const url = await serveOnLoopback(() => undefined);
    const closedPort = url.replace(/:\d+\//, ':9/');
    const emulator = await startOwnEmulator({ webhooks: { url: closedPort, signingSecret: SECRET, maxAttempts: 2, retryDelayMs: 5 } });
    await emulator.webhooks!.idle();
    const test = emulator.webhooks!.deliveries.filter((record) => record.type === 'TEST');
    expect(test).toHaveLength(2);
    expect(test.every((record) => record.status === undefined && typeof record.error === 'string')).toBe(true);
  });

  it('faults: a bad signature and a stale timestamp are refused (and not retried), a duplicate is processed once', async () => {
    const processed: string[] = [];
    const { emulator, webhooks, errors } = await emulatorWithApp({ on: { 'space_membership.created': (event) => void processed.push(event.data.id) } });
    await webhooks.idle();
    const member = createTribeClient(appOptions(emulator)).impersonate(emulator.memberIds[3]!);
    webhooks.injectFault('bad-signature');
    await member.joinSpace({ spaceId: 'SpcShowTel' });
    webhooks.injectFault('stale-timestamp');
    await member.joinSpace({ spaceId: 'SpcShowTel' });
    webhooks.injectFault('duplicate');
    await member.joinSpace({ spaceId: 'SpcShowTel' });
    await webhooks.idle();
    const joins = webhooks.deliveries.filter((record) => record.name === 'space_membership.created');
    expect(joins.map((record) => [record.fault, record.status])).toEqual([
      ['bad-signature', 401],
      ['stale-timestamp', 401],
      ['duplicate', 200],
      ['duplicate', 200],
    ]);
    expect(processed).toEqual([joins[2]!.eventId]);
    expect(errors.map((error) => (error as { reason?: string }).reason)).toEqual(['bad-signature', 'stale']);
  });

  it('sends an INTERACTION on demand and returns the app answer', async () => {
    const { emulator, webhooks } = await emulatorWithApp({
      onInteraction: async (event, { client }) => {
        const { member } = await client.sdk.member({ id: event.data.actorId! });
        return interactionAnswer(
          show(event.data.interactionId, { rootBlock: 'r', blocks: [{ id: 'r', name: 'Text', props: { value: `Hi ${member.name}` } }] }),
        );
      },
    });
    const outcome = await webhooks.interact({ actorId: emulator.memberIds[1], dynamicBlockKey: 'settings', inputs: { answer: 42 } });
    expect(outcome).toMatchObject({ ok: true, status: 200, attempts: 1 });
    expect(outcome.answer).toMatchObject({
      type: 'INTERACTION',
      status: 'SUCCEEDED',
      data: { interactions: [{ type: 'SHOW', slate: { blocks: [{ props: JSON.stringify({ value: 'Hi Grace Hopper' }) }] } }] },
    });
  });

  it('reads at most 64 KiB of an answer', async () => {
    const huge = await serveOnLoopback((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('y'.repeat(1024 * 1024)));
    const big = await startOwnEmulator({ webhooks: { url: huge, signingSecret: SECRET } });
    await big.webhooks!.idle();
    expect(big.webhooks!.deliveries[0]!.answer).toBe('y'.repeat(64 * 1024));
  });

  it('gives up on an attempt after timeoutMs and retries it', async () => {
    const silent = await serveOnLoopback(() => undefined);
    const hung = await startOwnEmulator({ webhooks: { url: silent, signingSecret: SECRET, timeoutMs: 100, maxAttempts: 2, retryDelayMs: 5 } });
    await hung.webhooks!.idle();
    const test = hung.webhooks!.deliveries.filter((record) => record.type === 'TEST');
    expect(test.map((record) => [record.attempt, record.status, typeof record.error])).toEqual([
      [1, undefined, 'string'],
      [2, undefined, 'string'],
    ]);
  });

  it('keeps the signing secret out of the delivery log', async () => {
    const { webhooks } = await emulatorWithApp({});
    webhooks.injectFault('bad-signature');
    await webhooks.idle();
    expect(JSON.stringify(webhooks.deliveries)).not.toContain(SECRET);
  });

  it('refuses webhook options that cannot work', async () => {
    await expect(startOwnEmulator({ webhooks: { url: 'ftp://127.0.0.1/x', signingSecret: SECRET } })).rejects.toThrow('http(s) URL');
    await expect(startOwnEmulator({ webhooks: { url: 'http://127.0.0.1/x', signingSecret: '' } })).rejects.toThrow('signingSecret');
  });
});
