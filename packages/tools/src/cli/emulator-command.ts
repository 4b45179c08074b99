import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/index.js';
import { durationFlag, integerFlag } from './flags.js';

/** The webhook options from `--webhook-url` and TRIBE_WEBHOOK_SECRET; a secret is made up (and printed) when none is set. */
function webhookOptions(url: string | undefined, env: Record<string, string | undefined>): { url: string; signingSecret: string; generated: boolean } | undefined {
  if (url === undefined) return undefined;
  const given = env.TRIBE_WEBHOOK_SECRET;
  return { url, signingSecret: given || randomBytes(24).toString('hex'), generated: !given };
}

/**
 * `tribe-sdk emulator`: starts the emulator, prints one JSON line with its URL and demo credentials, runs until stopped.
 * With `--webhook-url`, it delivers signed webhooks there (secret: TRIBE_WEBHOOK_SECRET, or one it prints).
 */
export async function emulatorCommand(args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      'token-ttl': { type: 'string' },
      gateway: { type: 'boolean', default: false },
      delay: { type: 'string', default: '0' },
      schema: { type: 'string' },
      'webhook-url': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
    },
  });
  const port = integerFlag(values.port, '--port', 0, 65535);
  const ttl = integerFlag(values['token-ttl'], '--token-ttl', 1, 31_536_000);
  const delayMs = durationFlag(values.delay, '--delay', 0) ?? 0;
  const webhooks = webhookOptions(values['webhook-url'], env);
  const emulator = await startEmulator({
    webhooks: webhooks && { url: webhooks.url, signingSecret: webhooks.signingSecret },
    port,
    host: values.host,
    data: values.data,
    tokenTtlSeconds: ttl,
    gatewayUrl: values.gateway,
    schemaPath: values.schema,
    corsOrigins: values['cors-origin'],
  });
  if (delayMs > 0) emulator.injectFault({ delayMs });
  const { url, clientId, clientSecret, networkId, memberIds, uninstalledNetworkId } = emulator;
  const printedSecret = webhooks?.generated ? { webhookSigningSecret: webhooks.signingSecret } : {};
  process.stdout.write(`${JSON.stringify({ url, clientId, clientSecret, networkId, memberIds, uninstalledNetworkId, webhookUrl: webhooks?.url, ...printedSecret })}\n`);
  process.stderr.write(`tribe-sdk emulator listening on ${url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await emulator.close();
  return 0;
}
