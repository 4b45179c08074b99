import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  createWebhookHandler,
  dataInteraction,
  interactionAnswer,
  show,
  toNodeListener,
  TribeWebhookError,
  verifyWebhook,
  type WebhookHandlerOptions,
} from '../../src/webhooks/index.js';
import { ui } from '../../src/slate/index.js';
import { serveOnLoopback } from './handler-server.js';
import { startListenerChild } from './listener-child.js';
import { rawExchange, requestHead } from '../support/raw-client.js';
import { platformSign } from './signed.js';

const SECRET = 'whsec-hostile-8e1f0c2d9a';
const DEADLINE_MS = 300;

function testBody(challenge = 'still-here'): string {
  return JSON.stringify({ type: 'TEST', data: { challenge } });
}

/** A node:http server in this process with the adapter; returns its port and what onError heard. */
async function servedHere(options: Partial<WebhookHandlerOptions> = {}) {
  const errors: unknown[] = [];
  const handler = createWebhookHandler({ signingSecret: SECRET, bodyTimeoutMs: DEADLINE_MS, onError: (error) => void errors.push(error), ...options });
  const url = await serveOnLoopback(toNodeListener(handler));
  return { port: Number(new URL(url).port), url, errors, handler };
}

async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('the condition did not hold in time');
    await sleep(20);
  }
}

describe('a client that goes away mid-request', () => {
  it('does not end a plain node:http server process: onError hears of each lost body and the process keeps answering', async () => {
    const child = await startListenerChild({ secret: SECRET, bodyTimeoutMs: 2_000 });
    const body = testBody();
    const head = requestHead({ ...platformSign(body, SECRET), 'content-length': String(body.length) });
    const cuts = [1, 10, body.length - 1];
    for (const cut of cuts) await rawExchange(child.port, [{ bytes: head }, { bytes: body.slice(0, cut), delayMs: 20 }], { hangUp: true });
    // Hanging up inside the head never reaches the listener; Node's parser drops it.
    await rawExchange(child.port, [{ bytes: head.slice(0, 40) }], { hangUp: true });
    await until(async () => ((await child.stats()).reasons.malformed ?? 0) >= cuts.length);
    const answer = await fetch(child.url, { method: 'POST', headers: platformSign(body, SECRET), body });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ type: 'TEST', status: 'SUCCEEDED', data: { challenge: 'still-here' } });
    expect(child.exitCode()).toBeNull();
    expect((await child.stats()).reasons).toEqual({ malformed: cuts.length });
  });

  it('reports the lost body as a malformed delivery whose cause is the connection error', async () => {
    const { port, errors } = await servedHere();
    const body = testBody();
    await rawExchange(port, [{ bytes: requestHead({ ...platformSign(body, SECRET), 'content-length': '500' }) }, { bytes: body, delayMs: 20 }], {
      hangUp: true,
    });
    await until(async () => errors.length > 0);
    const error = errors[0] as TribeWebhookError;
    expect(error).toBeInstanceOf(TribeWebhookError);
    expect(error.reason).toBe('malformed');
    expect(error.message).toMatch(/^tribe-sdk: the webhook body could not be read/);
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('the body deadline', () => {
  it('answers a body dripped at 1 byte per 100 ms with 408 after bodyTimeoutMs, through the Node adapter', async () => {
    const { port, errors } = await servedHere();
    const body = testBody();
    const drip = [...body].map((character) => ({ bytes: character, delayMs: 100 }));
    const answer = await rawExchange(port, [{ bytes: requestHead({ ...platformSign(body, SECRET), 'content-length': String(body.length) }) }, ...drip]);
    expect(answer.status).toBe(408);
    expect(answer.text).toContain('WEBHOOK_TIMEOUT');
    expect(answer.answeredAfterMs).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
    expect(answer.answeredAfterMs).toBeLessThan(DEADLINE_MS + 1_000);
    expect((errors[0] as TribeWebhookError).reason).toBe('timeout');
  });

  it('answers a dripping web Request with 408 too; a bodyTimeoutMs under 1 ms is a config error', async () => {
    const errors: unknown[] = [];
    const handler = createWebhookHandler({ signingSecret: SECRET, bodyTimeoutMs: DEADLINE_MS, onError: (error) => void errors.push(error) });
    const body = new TextEncoder().encode(testBody());
    let sent = 0;
    const dripping = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await sleep(100);
        if (sent < body.length) controller.enqueue(body.subarray(sent, ++sent));
        else controller.close();
      },
    });
    const started = performance.now();
    const init = { method: 'POST', headers: platformSign(body, SECRET), body: dripping, duplex: 'half' } as RequestInit;
    const answer = await handler(new Request('http://127.0.0.1/webhook', init));
    const took = performance.now() - started;
    expect(answer.status).toBe(408);
    expect(took).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
    expect(took).toBeLessThan(DEADLINE_MS + 1_000);
    expect((errors[0] as TribeWebhookError).reason).toBe('timeout');
    expect(() => createWebhookHandler({ signingSecret: SECRET, bodyTimeoutMs: 0 })).toThrow(/bodyTimeoutMs/);
  });

  it('refuses a declared Content-Length over maxBodyBytes at once, before any body byte is sent', async () => {
    const { port, errors } = await servedHere();
    const answer = await rawExchange(port, [{ bytes: requestHead({ ...platformSign('{}', SECRET), 'content-length': String(50 * 1024 * 1024) }) }], {
      waitMs: 2_000,
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('WEBHOOK_TOO_LARGE');
    expect(answer.text.toLowerCase()).toContain('connection: close');
    expect(answer.answeredAfterMs).toBeLessThan(DEADLINE_MS);
    expect((errors[0] as TribeWebhookError).reason).toBe('too-large');
  });
});

describe('the secret guard', () => {
  // JSON escapes `"` and `\`, so a search of the serialised answer for the secret as written does not find it.
  const ESCAPED_SECRET = 'whsec-"quoted"-\\back\\slash';

  it('refuses an interaction answer holding a secret with " or \\ in it, in a value or a key', async () => {
    let leak: (id: string) => Parameters<typeof interactionAnswer>[0] = (id) => show(id, ui.Text({ value: ESCAPED_SECRET }));
    const { url, errors } = await servedHere({ signingSecret: ESCAPED_SECRET, onInteraction: (event) => interactionAnswer(leak(event.data.interactionId)) });
    const post = async () => {
      const body = JSON.stringify({ type: 'INTERACTION', networkId: 'NetAcme001', data: { interactionId: 'Int1' } });
      const response = await fetch(url, { method: 'POST', headers: platformSign(body, ESCAPED_SECRET), body });
      return { status: response.status, text: await response.text() };
    };
    const inValue = await post();
    leak = (id) => dataInteraction(id, { [ESCAPED_SECRET]: true });
    const inKey = await post();
    for (const answer of [inValue, inKey]) {
      expect(answer.status).toBe(500);
      expect(answer.text).not.toContain(JSON.stringify(ESCAPED_SECRET).slice(1, -1));
      expect(answer.text).not.toContain(ESCAPED_SECRET);
    }
    expect(errors.map(String)).toEqual([expect.stringContaining('contained a secret'), expect.stringContaining('contained a secret')]);
    leak = (id) => show(id, ui.Text({ value: 'whsec-"quoted"' }));
    expect((await post()).status).toBe(200);
  });
});

describe('bytes that are not UTF-8', () => {
  const prefix = new TextEncoder().encode('{"type":"TEST","data":{"challenge":"ab');
  const suffix = new TextEncoder().encode('"}}');
  const invalid = new Uint8Array([...prefix, 0xff, 0xc3, 0x28, ...suffix]);

  it('are refused as malformed even when signed: by verifyWebhook, the web handler and the Node adapter', async () => {
    const headers = platformSign(invalid, SECRET);
    const refusal = await verifyWebhook({ rawBody: invalid, headers }, { signingSecret: SECRET }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TribeWebhookError);
    expect((refusal as TribeWebhookError).reason).toBe('malformed');
    expect((refusal as TribeWebhookError).message).toBe('tribe-sdk: the webhook body is not valid UTF-8');
    const handler = createWebhookHandler({ signingSecret: SECRET });
    const web = await handler(new Request('http://127.0.0.1/webhook', { method: 'POST', headers, body: invalid }));
    const { url } = await servedHere();
    const node = await fetch(url, { method: 'POST', headers, body: invalid });
    for (const answer of [web, node]) {
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ errorCode: 'WEBHOOK_MALFORMED', errorMessage: 'tribe-sdk: the webhook body is not valid UTF-8' });
    }
    const valid = new Uint8Array([...prefix, 0xc3, 0xa9, ...suffix]);
    const accepted = await verifyWebhook({ rawBody: valid, headers: platformSign(valid, SECRET) }, { signingSecret: SECRET });
    expect(accepted.data).toEqual({ challenge: 'abé' });
  });
});
