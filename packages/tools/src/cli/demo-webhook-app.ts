import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningEmulator } from '../emulator/index.js';
import { ui } from 'tribe-sdk/slate';
import { createWebhookHandler, toNodeListener, type NodeWebhookListener } from 'tribe-sdk/webhooks';

/** The demo app's dynamic block: a form that greets the member. */
export const DEMO_BLOCK = 'welcome';

/** What the demo app did when the emulator told it about a new post. */
export interface DemoReply {
  postId: string;
  replyId: string;
  text: string;
}

/** The demo's app half: a webhook handler on loopback that thanks the author of each new post, as the bot, and serves a block that greets. */
export interface DemoWebhookApp {
  url: string;
  signingSecret: string;
  /** Starts handling deliveries, with a client for the emulator's API. */
  attach(emulator: RunningEmulator): void;
  /** The replies the handler posted, in order. */
  readonly replies: readonly DemoReply[];
  close(): Promise<void>;
}

/** Starts the server first: the emulator needs its URL, and deliveries wait until {@link DemoWebhookApp.attach} gives the handler. */
export async function startDemoWebhookApp(): Promise<DemoWebhookApp> {
  const signingSecret = randomBytes(24).toString('hex');
  const replies: DemoReply[] = [];
  let attach: (listener: NodeWebhookListener) => void = () => undefined;
  const listener = new Promise<NodeWebhookListener>((resolve) => (attach = resolve));
  const server = createServer((request, response) => void listener.then((handle) => handle(request, response)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let close = (): void => undefined;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    signingSecret,
    replies,
    attach(emulator) {
      const handler = createWebhookHandler({
        signingSecret,
        client: { clientId: emulator.clientId, clientSecret: emulator.clientSecret, endpoint: emulator.url },
        blocks: {
          [DEMO_BLOCK]: {
            load: (context) =>
              context.show(
                ui.Card(
                  {},
                  ui.CardHeader({ title: 'Welcome' }),
                  ui.CardContent(
                    {},
                    ui.Form({ callbackId: 'submit' }, ui.Input({ name: 'name', label: 'Your name' }), ui.Button({ text: 'Say hi', type: 'submit' })),
                  ),
                ),
              ),
            callbacks: {
              submit: (context, inputs) => [
                context.toast({ status: 'SUCCESS', title: `Welcome, ${String(inputs.name)}!` }),
                context.show(ui.Text({ value: `Nice to meet you, ${String(inputs.name)}.` })),
              ],
            },
          },
        },
        on: {
          'post.published': async (event, { client }) => {
            // The bot's own reply is a new post too: answering replies would never end.
            if (event.data.object.repliedToId) return;
            const author = await client.impersonate(event.data.actor.id).authMember();
            const text = `Thanks for posting, ${author.authMember.name}!`;
            const { createReply } = await client.sdk.createReply({
              postId: event.data.object.id,
              input: { postTypeId: 'PtyComment', mappingFields: [{ key: 'content', type: 'html', value: JSON.stringify(`<p>${text}</p>`) }] },
            });
            replies.push({ postId: event.data.object.id, replyId: createReply.id, text });
          },
        },
      });
      close = () => handler.close();
      attach(toNodeListener(handler));
    },
    close: () =>
      new Promise<void>((resolve) => {
        close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
