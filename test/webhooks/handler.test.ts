import { describe, expect, it } from 'vitest';
import { startOwnEmulator } from '../support/emulator.js';
import {
  close,
  createWebhookHandler,
  dataInteraction,
  ERROR_CODES,
  failed,
  interactionAnswer,
  openModal,
  openToast,
  redirect,
  reload,
  show,
  toNodeListener,
  toStore,
  TribeWebhookError,
  type WebhookHandlerOptions,
} from '../../src/webhooks/index.js';
import { serveOnLoopback } from './handler-server.js';
import { errorViews, platformSign, subscriptionBody } from './signed.js';

const SECRET = 'whsec-handler-3c9d1f7a2b';

function envelope(type: string, data: Record<string, unknown>): string {
  return JSON.stringify({ type, networkId: 'NetAcme001', context: 'NETWORK', entityId: 'NetAcme001', currentSettings: [], data, entities: {} });
}

/** Serves the handler through the node adapter on 127.0.0.1 and returns a function that POSTs a signed body to it. */
async function served(options: Omit<WebhookHandlerOptions, 'signingSecret'>) {
  const handler = createWebhookHandler({ signingSecret: SECRET, ...options });
  const url = await serveOnLoopback(toNodeListener(handler));
  const post = async (body: string, headers: Record<string, string> = platformSign(body, SECRET)) => {
    const response = await fetch(url, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
  };
  return { url, post, handler };
}

describe('createWebhookHandler over node:http', () => {
  it('echoes the TEST challenge exactly', async () => {
    const { post } = await served({});
    const challenge = 'ch4ll3nge "quoted" \\ ünïcødé 🚀';
    const answer = await post(envelope('TEST', { challenge }));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ type: 'TEST', status: 'SUCCEEDED', data: { challenge } });
  });

  it('processes a duplicate delivery once and answers both with success', async () => {
    const seen: string[] = [];
    const { post } = await served({ on: { 'post.published': (event) => void seen.push(event.data.id) } });
    const body = subscriptionBody('post.published', 'EvtDup1');
    const headers = platformSign(body, SECRET);
    const first = await post(body, headers);
    const second = await post(body, headers);
    const resigned = await post(body);
    expect([first.status, second.status, resigned.status]).toEqual([200, 200, 200]);
    expect(second.json).toEqual({ type: 'SUBSCRIPTION', status: 'SUCCEEDED', data: {} });
    expect(seen).toEqual(['EvtDup1']);
  });

  it('answers a throwing handler with a generic 5xx, gives the error to onError only, and processes the retry', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const processed: string[] = [];
    const { post } = await served({
      on: {
        'post.published': (event) => {
          calls += 1;
          if (calls === 1) throw new Error(`database down while saving ${event.data.id} (secret ${SECRET})`);
          processed.push(event.data.id);
        },
      },
      onError: (error) => void errors.push(error),
    });
    const body = subscriptionBody('post.published', 'EvtRetry');
    const failedOnce = await post(body);
    expect(failedOnce.status).toBe(500);
    expect(failedOnce.json).toEqual({ type: 'SUBSCRIPTION', status: 'FAILED', errorCode: 'APP_ERROR', errorMessage: expect.stringMatching(/^tribe-sdk: /) });
    expect(failedOnce.text).not.toContain('database down');
    expect(failedOnce.text).not.toContain(SECRET);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toContain('database down');
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect(processed).toEqual(['EvtRetry']);
  });

  it('passes unknown event names to their handler as the generic event, and every event to onAny', async () => {
    const names: string[] = [];
    const { post } = await served({
      on: { 'badge.awarded': (event) => void names.push(`on:${event.data.name}:${String(event.data.object.badge)}`) },
      onAny: (event) => void names.push(`any:${event.data.name}`),
    });
    await post(subscriptionBody('badge.awarded', 'EvtB', { badge: 'gold' }));
    await post(subscriptionBody('space.created', 'EvtS', { id: 'SpcNew' }));
    expect(names).toEqual(['on:badge.awarded:gold', 'any:badge.awarded', 'any:space.created']);
  });

  it('answers interactions with the builders (slates in the wire form), and settings with toStore', async () => {
    const slate = { rootBlock: 'root', blocks: [{ id: 'root', name: 'Text', props: { value: 'Hi' } }] };
    const wire = { rootBlock: 'root', blocks: [{ id: 'root', name: 'Text', props: '{"value":"Hi"}', children: '[]' }] };
    const { post } = await served({
      onInteraction: (event) =>
        event.data.callbackId === 'fail'
          ? failed(ERROR_CODES.PermissionError, 'members may not do this')
          : interactionAnswer(
              show(event.data.interactionId, slate),
              openModal('m', slate, { title: 'Details' }),
              openToast('t', { title: 'Saved', status: 'SUCCESS' }),
              close('c'),
              reload('r'),
              redirect('x', 'https://example.com/next', true),
              dataInteraction('d', { count: 3 }),
            ),
      onSettings: (event) => toStore({ greeting: event.data.greeting ?? 'hello' }),
    });
    const interaction = await post(envelope('INTERACTION', { interactionId: 'Int1', actorId: 'MbrAdaL001', dynamicBlockKey: 'settings', inputs: {} }));
    expect(interaction.json).toEqual({
      type: 'INTERACTION',
      status: 'SUCCEEDED',
      data: {
        interactions: [
          { id: 'Int1', type: 'SHOW', slate: wire },
          { id: 'm', type: 'OPEN_MODAL', slate: wire, props: { title: 'Details', size: 'md' } },
          { id: 't', type: 'OPEN_TOAST', props: { title: 'Saved', status: 'SUCCESS' } },
          { id: 'c', type: 'CLOSE' },
          { id: 'r', type: 'RELOAD', props: {} },
          { id: 'x', type: 'REDIRECT', props: { url: 'https://example.com/next', external: true } },
          { id: 'd', type: 'DATA', props: { count: 3 } },
        ],
      },
    });
    const refused = await post(envelope('INTERACTION', { interactionId: 'Int2', callbackId: 'fail' }));
    expect(refused).toMatchObject({
      status: 200,
      json: { type: 'INTERACTION', status: 'FAILED', errorCode: 102, errorMessage: 'members may not do this' },
    });
    const settings = await post(envelope('UPDATE_SETTINGS', { greeting: 'moin' }));
    expect(settings.json).toEqual({ type: 'UPDATE_SETTINGS', status: 'SUCCEEDED', data: { toStore: { greeting: 'moin' } } });
  });

  it('runs onInstalled and onUninstalled, and answers plain success for types without a handler', async () => {
    const calls: string[] = [];
    const { post } = await served({
      onInstalled: (event) => void calls.push(`installed ${event.data.networkInfo?.id}`),
      onUninstalled: (event) => void calls.push(`uninstalled ${event.networkId}`),
    });
    await post(envelope('APP_INSTALLED', { networkInfo: { id: 'NetAcme001', graphqlUrl: 'http://x/graphql', domain: 'acme.example' } }));
    await post(envelope('APP_UNINSTALLED', {}));
    const search = await post(envelope('FEDERATED_SEARCH', { query: 'x' }));
    expect(calls).toEqual(['installed NetAcme001', 'uninstalled NetAcme001']);
    expect(search.json).toEqual({ type: 'FEDERATED_SEARCH', status: 'SUCCEEDED', data: [] });
  });

  it('refuses unsigned, badly signed and stale deliveries with 4xx, tells onError, and shows no secret', async () => {
    const errors: unknown[] = [];
    const { post } = await served({ onError: (error) => void errors.push(error) });
    const body = subscriptionBody('post.published');
    const answers = [
      await post(body, { 'content-type': 'application/json' }),
      await post(body, platformSign(body, 'not-the-secret')),
      await post(body, platformSign(body, SECRET, Date.now() - 16 * 60_000)),
      await post(body, platformSign(body, SECRET, Date.now() + 16 * 60_000)),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    expect(answers.map((answer) => answer.json.errorCode)).toEqual(['WEBHOOK_MISSING_SIGNATURE', 'WEBHOOK_BAD_SIGNATURE', 'WEBHOOK_STALE', 'WEBHOOK_FUTURE']);
    expect(errors.map((error) => (error as TribeWebhookError).reason)).toEqual(['missing-signature', 'bad-signature', 'stale', 'future']);
    for (const answer of answers) expect(answer.text).not.toContain(SECRET);
    for (const error of errors) expect(await errorViews(error)).not.toContain(SECRET);
  });

  it('refuses a streamed 2 MiB body with 413 without reading it whole, and answers GET with 405', async () => {
    const { url, post } = await served({});
    const big = `{"type":"TEST","data":{"challenge":"${'x'.repeat(2 * 1024 * 1024)}"}}`;
    const answer = await post(big);
    expect(answer.status).toBe(413);
    expect(answer.json.errorCode).toBe('WEBHOOK_TOO_LARGE');
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('reads as much as the handler accepts: a larger maxBodyBytes lets a 1.5 MiB body through the adapter', async () => {
    const { post } = await served({ maxBodyBytes: 2 * 1024 * 1024 });
    const challenge = 'z'.repeat(1536 * 1024);
    const answer = await post(envelope('TEST', { challenge }));
    expect(answer.status).toBe(200);
    expect((answer.json.data as { challenge: string }).challenge).toHaveLength(challenge.length);
  });

  it('never sends an answer that holds a signing secret: it answers 5xx and tells onError', async () => {
    const errors: unknown[] = [];
    const { post } = await served({ onSettings: () => toStore({ leaked: SECRET }), onError: (error) => void errors.push(error) });
    const answer = await post(envelope('GET_SETTINGS', {}));
    expect(answer.status).toBe(500);
    expect(answer.text).not.toContain(SECRET);
    expect(String(errors[0])).toContain('contained a secret');
  });

  it('explains a body that a JSON parser already consumed (Express with express.json() first)', async () => {
    const handler = createWebhookHandler({ signingSecret: SECRET });
    const listener = toNodeListener(handler);
    const url = await serveOnLoopback(async (request, response) => {
      for await (const _chunk of request) void _chunk;
      Object.assign(request, { body: { type: 'TEST', data: { challenge: 'x' } } });
      await listener(request, response);
    });
    const body = envelope('TEST', { challenge: 'x' });
    const response = await fetch(url, { method: 'POST', headers: platformSign(body, SECRET), body });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('express.raw()');
  });

  it('accepts raw bytes a body parser left in request.body (express.raw())', async () => {
    const handler = createWebhookHandler({ signingSecret: SECRET });
    const listener = toNodeListener(handler);
    const url = await serveOnLoopback(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      Object.assign(request, { body: Buffer.concat(chunks) });
      await listener(request, response);
    });
    const body = envelope('TEST', { challenge: 'raw' });
    const response = await fetch(url, { method: 'POST', headers: platformSign(body, SECRET), body });
    expect(await response.json()).toEqual({ type: 'TEST', status: 'SUCCEEDED', data: { challenge: 'raw' } });
  });
});

describe('createWebhookHandler as a web handler (Request in, Response out)', () => {
  it('verifies, answers the challenge and refuses a flipped byte, with no Node adapter in between', async () => {
    const handler = createWebhookHandler({ signingSecret: [SECRET, 'whsec-next'] });
    const body = envelope('TEST', { challenge: 'web' });
    const ok = await handler(new Request('https://app.example/webhook', { method: 'POST', headers: platformSign(body, 'whsec-next'), body }));
    expect(await ok.json()).toEqual({ type: 'TEST', status: 'SUCCEEDED', data: { challenge: 'web' } });
    const flipped = body.replace('web', 'wab');
    const refused = await handler(new Request('https://app.example/webhook', { method: 'POST', headers: platformSign(body, SECRET), body: flipped }));
    expect(refused.status).toBe(401);
  });

  it('hands each handler a client for the event network acting as the bot, with impersonate one call away', async () => {
    const emulator = await startOwnEmulator();
    const replies: string[] = [];
    const handler = createWebhookHandler({
      signingSecret: SECRET,
      client: { clientId: emulator.clientId, clientSecret: emulator.clientSecret, endpoint: emulator.url },
      on: {
        'post.published': async (event, { client }) => {
          const { authMember } = await client.sdk.authMember();
          const { authMember: actor } = await client.impersonate(event.data.actor.id).authMember();
          const { createReply } = await client.sdk.createReply({
            postId: event.data.object.id,
            input: { postTypeId: 'PtyComment', mappingFields: [{ key: 'content', type: 'html', value: JSON.stringify(`<p>Thanks, ${actor.name}</p>`) }] },
          });
          replies.push(`${authMember.id} ${createReply.id}`);
        },
      },
    });
    const postId = emulator.store.publishedPosts()[0]!.id;
    const body = subscriptionBody('post.published', 'EvtClient', { id: postId });
    for (let delivery = 0; delivery < 2; delivery += 1) {
      const signed = platformSign(body.replace('EvtClient', `EvtClient${delivery}`), SECRET);
      const response = await handler(
        new Request('https://app.example/webhook', { method: 'POST', headers: signed, body: body.replace('EvtClient', `EvtClient${delivery}`) }),
      );
      expect(response.status).toBe(200);
    }
    expect(replies).toHaveLength(2);
    const bot = emulator.store.data.apps[0]!.botMemberId;
    for (const line of replies) expect(line.startsWith(`${bot} Rpl`)).toBe(true);
    const reply = emulator.store.post(replies[0]!.split(' ')[1]!);
    expect(reply).toMatchObject({ ownerId: bot, repliedToId: postId, content: '<p>Thanks, Linus Torvalds</p>' });
    // One network, one client: the bot token is minted once; the member token once.
    expect(emulator.requestCount('limitedToken')).toBe(2);
    handler.close();
  });

  it('says what is missing when a handler uses context.client without the client option', async () => {
    const errors: unknown[] = [];
    const handler = createWebhookHandler({
      signingSecret: SECRET,
      on: { 'post.published': async (_event, { client }) => void (await client.sdk.network()) },
      onError: (error) => void errors.push(error),
    });
    const body = subscriptionBody('post.published');
    const response = await handler(new Request('https://app.example/webhook', { method: 'POST', headers: platformSign(body, SECRET), body }));
    expect(response.status).toBe(500);
    expect(String(errors[0])).toContain('context.client needs the client option');
  });

  it('fails the delivery (to be retried) when a plugged-in dedup store hangs or answers nonsense', async () => {
    const errors: unknown[] = [];
    const make = (claim: () => unknown) =>
      createWebhookHandler({
        signingSecret: SECRET,
        dedupStore: { claim: claim as () => boolean, release: () => undefined },
        dedupTimeoutMs: 50,
        onError: (error) => void errors.push(error),
      });
    const body = subscriptionBody('post.published');
    const request = () => new Request('https://app.example/webhook', { method: 'POST', headers: platformSign(body, SECRET), body });
    expect((await make(() => new Promise(() => undefined))(request())).status).toBe(500);
    expect((await make(() => 'yes')(request())).status).toBe(500);
    expect(errors.map(String)).toEqual([expect.stringContaining('did not answer within 50 ms'), expect.stringContaining('other than a boolean')]);
  });

  it('rejects bad options when created, naming no secret', () => {
    expect(() => createWebhookHandler({ signingSecret: '' })).toThrow('signingSecret must be');
    expect(() => createWebhookHandler({ signingSecret: SECRET, dedupTimeoutMs: 0 })).toThrow('tribe-sdk: dedupTimeoutMs must be a number of ms from 1 to');
    expect(() => createWebhookHandler({ signingSecret: SECRET, client: { clientId: 'id', clientSecret: '' } })).toThrow(
      'clientSecret must be a non-empty string',
    );
    const typo = { signingSecret: SECRET, onError: 'log' } as unknown as WebhookHandlerOptions;
    expect(() => createWebhookHandler(typo)).toThrow('tribe-sdk: onError must be a function');
    const typoOn = { signingSecret: SECRET, on: { 'post.published': true } } as unknown as WebhookHandlerOptions;
    expect(() => createWebhookHandler(typoOn)).toThrow("tribe-sdk: on['post.published'] must be a function");
    const halfStore = { signingSecret: SECRET, dedupStore: { claim: () => true } } as unknown as WebhookHandlerOptions;
    expect(() => createWebhookHandler(halfStore)).toThrow('tribe-sdk: dedupStore must be an object with claim() and release()');
  });

  it('calls no inherited property for an event named like one (valueOf, __proto__)', async () => {
    const errors: unknown[] = [];
    const handler = createWebhookHandler({ signingSecret: SECRET, on: {}, onError: (error) => void errors.push(error) });
    for (const name of ['constructor', 'valueOf', 'hasOwnProperty', '__proto__']) {
      const body = subscriptionBody(name);
      const response = await handler(new Request('https://app.example/webhook', { method: 'POST', headers: platformSign(body, SECRET), body }));
      expect(response.status).toBe(200);
    }
    expect(errors).toEqual([]);
  });
});
