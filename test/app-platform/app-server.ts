import type { IncomingMessage, ServerResponse } from 'node:http';
import { createWebhookHandler, toNodeListener, type WebhookAnswer, type WebhookEvent, type WebhookHandlerOptions } from '../../src/webhooks/index.js';
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

/** What an app answers, by request type; anything, so that tests can answer wrongly on purpose. */
export interface AppAnswers {
  interaction?: (event: Extract<WebhookEvent, { type: 'INTERACTION' }>) => unknown;
  shortcutsStates?: (event: Extract<WebhookEvent, { type: 'SHORTCUTS_STATES' }>) => unknown;
  search?: (event: Extract<WebhookEvent, { type: 'FEDERATED_SEARCH' }>) => unknown;
}

/**
 * A real app on 127.0.0.1 (the SDK's webhook handler, verifying every signature) at `/webhook`, `/webhook/interaction` and
 * `/webhook/search`, as the official template serves them, and an emulator with the app registered.
 */
export async function emulatorWithApp(
  answers: AppAnswers,
  app: Omit<EmulatorAppOptions, 'interactionUrl' | 'searchUrl'> = {},
  handler: Partial<WebhookHandlerOptions> = {},
): Promise<{ emulator: RunningEmulator; received: Received[]; errors: unknown[] }> {
  const received: Received[] = [];
  const errors: unknown[] = [];
  let path = '';
  const listener = toNodeListener(
    createWebhookHandler({
      signingSecret: APP_SECRET,
      onError: (error) => void errors.push(error),
      onInteraction: (event) => {
        received.push({ path, event });
        return answers.interaction?.(event) as WebhookAnswer;
      },
      onShortcutsStates: (event) => {
        received.push({ path, event });
        return answers.shortcutsStates?.(event) as WebhookAnswer;
      },
      onFederatedSearch: (event) => {
        received.push({ path, event });
        return answers.search?.(event) as WebhookAnswer;
      },
      ...handler,
    }),
  );
  const webhookUrl = await serveOnLoopback((request: IncomingMessage, response: ServerResponse) => {
    path = request.url ?? '';
    return listener(request, response);
  });
  const emulator = await startOwnEmulator({
    webhooks: { url: webhookUrl, signingSecret: APP_SECRET, retryDelayMs: 10 },
    app: { interactionUrl: `${webhookUrl}/interaction`, searchUrl: `${webhookUrl}/search`, ...app },
  });
  await emulator.webhooks!.idle();
  return { emulator, received, errors };
}
