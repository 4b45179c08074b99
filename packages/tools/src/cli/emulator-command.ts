import { randomBytes } from 'node:crypto';
import { EMULATOR_PLANS, startEmulator, type EmulatorRateLimits } from '../emulator/index.js';
import { parseCommand } from './args.js';
import { appFlagsOptions, APP_FLAGS } from './emulator-app-flags.js';
import { durationFlag, integerFlag } from './flags.js';
import { webhookAttemptLine } from './webhook-attempt-line.js';

const EMULATOR_USAGE = `Usage: tribe-sdk emulator [options]

Starts the local Tribe API emulator on 127.0.0.1 and prints one JSON line: its URL, the demo app's
credentials, the network and member IDs. Runs until stopped (Ctrl-C).

  --port N                       the port (default 0: a free one)
  --host ADDRESS                 a loopback address (default 127.0.0.1)
  --data FILE                    the state to start from (JSON; default: the demo data)
  --token-ttl SECONDS            how long issued tokens live (default 3600)
  --gateway                      make limitedToken return a gatewayUrl
  --delay MS                     add latency to every request
  --schema FILE                  the SDL to serve (default: the shipped snapshot)
  --rate-limit free|addon|REQUESTS[,COMPLEXITY]   enforce a burst limit per network
  --rate-window SECONDS          the burst window's length
  --webhook-url URL              deliver signed webhooks there (secret: TRIBE_SIGNING_SECRET, the app's, or one it prints)
  --cors-origin ORIGIN           also answer CORS for this origin (repeatable; loopback pages always are)
  --interaction-url URL          with --webhook-url: where INTERACTION requests go (default: the webhook URL)
  --search-url URL               with --webhook-url: where FEDERATED_SEARCH requests go (default: the webhook URL)
  --block KEY                    with --webhook-url: a dynamic block of the app, shown at previewUrl (repeatable)
  --shortcut KEY                 with --webhook-url: a shortcut of the app (repeatable)`;

/**
 * `--rate-limit free|addon|REQUESTS[,COMPLEXITY]` with `--rate-window SECONDS` (default 10): a
 * plan's burst and daily limits, or burst limits of one's own.
 */
function rateLimitsOf(limit: string | undefined, window: string | undefined): EmulatorRateLimits | undefined {
  const windowSeconds = integerFlag(window, '--rate-window', 1, 86_400);
  if (limit === undefined) {
    if (windowSeconds !== undefined) throw new Error('tribe-sdk: --rate-window needs --rate-limit');
    return undefined;
  }
  const windowMs = windowSeconds === undefined ? undefined : windowSeconds * 1000;
  if (limit === 'free' || limit === 'addon') {
    const plan = EMULATOR_PLANS[limit];
    return { ...plan, burst: { ...plan.burst, windowMs: windowMs ?? plan.burst.windowMs } };
  }
  const parts = limit.split(',');
  if (parts.length > 2) throw new Error('tribe-sdk: --rate-limit must be free, addon or REQUESTS[,COMPLEXITY]');
  const [requests, complexity] = parts.map((part) => integerFlag(part, '--rate-limit', 1, 1_000_000_000));
  return { burst: { windowMs: windowMs ?? 10_000, requests, complexity } };
}

/** The webhook options from `--webhook-url` and TRIBE_SIGNING_SECRET (the app's name; TRIBE_WEBHOOK_SECRET, the old one, still works); a secret is made up (and printed) when neither is set. */
function webhookOptions(
  url: string | undefined,
  env: Record<string, string | undefined>,
): { url: string; signingSecret: string; generated: boolean } | undefined {
  if (url === undefined) return undefined;
  const given = env.TRIBE_SIGNING_SECRET || env.TRIBE_WEBHOOK_SECRET;
  return { url, signingSecret: given || randomBytes(24).toString('hex'), generated: !given };
}

/**
 * `tribe-sdk emulator`: starts the emulator, prints one JSON line with its URL and demo credentials, runs until stopped.
 * With `--webhook-url`, it delivers signed webhooks there (secret: TRIBE_SIGNING_SECRET, or one it prints).
 */
export async function emulatorCommand(args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  const values = parseCommand(args, {
    command: 'emulator',
    usage: EMULATOR_USAGE,
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
      'rate-limit': { type: 'string' },
      'rate-window': { type: 'string' },
      ...APP_FLAGS,
    },
  });
  if (!values) return 0;
  const port = integerFlag(values.port, '--port', 0, 65535);
  const ttl = integerFlag(values['token-ttl'], '--token-ttl', 1, 31_536_000);
  const delayMs = durationFlag(values.delay, '--delay', 0) ?? 0;
  const webhooks = webhookOptions(values['webhook-url'], env);
  const emulator = await startEmulator({
    webhooks: webhooks && {
      url: webhooks.url,
      signingSecret: webhooks.signingSecret,
      onAttempt: (report) => void process.stderr.write(`${webhookAttemptLine(report)}\n`),
    },
    port,
    host: values.host,
    data: values.data,
    tokenTtlSeconds: ttl,
    gatewayUrl: values.gateway,
    schemaPath: values.schema,
    corsOrigins: values['cors-origin'],
    rateLimits: rateLimitsOf(values['rate-limit'], values['rate-window']),
    app: appFlagsOptions(values, webhooks !== undefined),
  });
  if (delayMs > 0) emulator.injectFault({ delayMs });
  const { url, clientId, clientSecret, networkId, memberIds, uninstalledNetworkId } = emulator;
  const printedSecret = webhooks?.generated ? { webhookSigningSecret: webhooks.signingSecret } : {};
  process.stdout.write(
    `${JSON.stringify({ url, clientId, clientSecret, networkId, memberIds, uninstalledNetworkId, webhookUrl: webhooks?.url, previewUrl: emulator.previewUrl, ...printedSecret })}\n`,
  );
  process.stderr.write(`tribe-sdk emulator listening on ${url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await emulator.close();
  return 0;
}
