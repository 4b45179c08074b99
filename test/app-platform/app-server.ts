import type { IncomingMessage, ServerResponse } from 'node:http';
import { createWebhookVerifier, type WebhookEvent } from '../../src/webhooks/index.js';
import type { EmulatorAppOptions, RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import { startOwnEmulator } from '../support/emulator.js';
import { serveOnLoopback } from '../webhooks/handler-server.js';

/** The signing secret of the test apps. */
export const APP_SECRET = 'whsec-app-platform-7c1d9e';

/** One request the app received: the path it came to, and the verified event. */
export interface Received {
  path: string;
  event: WebhookEvent;
}

/** What an app answers, by request type: any JSON, so that tests can answer wrongly on purpose (the SDK's handler would refuse to). */
export interface AppAnswers {
  interaction?: (event: Extract<WebhookEvent, { type: 'INTERACTION' }>) => unknown;
  shortcutsStates?: (event: Extract<WebhookEvent, { type: 'SHORTCUTS_STATES' }>) => unknown;
  search?: (event: Extract<WebhookEvent, { type: 'FEDERATED_SEARCH' }>) => unknown;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A scripted app on 127.0.0.1 at `/webhook`, `/webhook/interaction` and `/webhook/search`, as the official template serves
 * them: it verifies each signature with the SDK's verifier (401 when it fails, as the SDK's handler answers), answers the
 * URL check, and answers the rest with what the test says. Resolves with its webhook URL and what it received.
 */
export async function scriptedApp(answers: AppAnswers, signingSecret = APP_SECRET): Promise<{ webhookUrl: string; received: Received[] }> {
  const received: Received[] = [];
  const verify = createWebhookVerifier({ signingSecret });
  const webhookUrl = await serveOnLoopback(async (request: IncomingMessage, response: ServerResponse) => {
    const rawBody = await bodyOf(request);
    const event = await verify({ rawBody, headers: request.headers }).catch(() => undefined);
    if (!event) return response.writeHead(401).end();
    let answer: unknown = { type: event.type, status: 'SUCCEEDED', data: {} };
    if (event.type === 'TEST') answer = { type: 'TEST', status: 'SUCCEEDED', data: { challenge: event.data.challenge } };
    else received.push({ path: request.url ?? '', event });
    if (event.type === 'INTERACTION' && answers.interaction) answer = answers.interaction(event);
    if (event.type === 'SHORTCUTS_STATES' && answers.shortcutsStates) answer = answers.shortcutsStates(event);
    if (event.type === 'FEDERATED_SEARCH' && answers.search) answer = answers.search(event);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  return { webhookUrl, received };
}

/** A {@link scriptedApp} and an emulator with it registered (interactions and searches at their own paths). */
export async function emulatorWithApp(
  answers: AppAnswers,
  app: Omit<EmulatorAppOptions, 'interactionUrl' | 'searchUrl'> = {},
  signingSecret = APP_SECRET,
): Promise<{ emulator: RunningEmulator; received: Received[] }> {
  const { webhookUrl, received } = await scriptedApp(answers, signingSecret);
  const emulator = await startOwnEmulator({
    webhooks: { url: webhookUrl, signingSecret: APP_SECRET, retryDelayMs: 10 },
    app: { interactionUrl: `${webhookUrl}/interaction`, searchUrl: `${webhookUrl}/search`, ...app },
  });
  await emulator.webhooks!.idle();
  received.length = 0;
  return { emulator, received };
}
