import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/index.js';
import { durationFlag, integerFlag } from '../options/cli-flags.js';

/** `tribe-sdk emulator`: starts the emulator, prints one JSON line with its URL and demo credentials, runs until stopped. */
export async function emulatorCommand(args: string[]): Promise<number> {
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
    },
  });
  const port = integerFlag(values.port, '--port', 0, 65535);
  const ttl = integerFlag(values['token-ttl'], '--token-ttl', 1, 31_536_000);
  const delayMs = durationFlag(values.delay, '--delay', 0) ?? 0;
  const emulator = await startEmulator({
    port,
    host: values.host,
    data: values.data,
    tokenTtlSeconds: ttl,
    gatewayUrl: values.gateway,
    schemaPath: values.schema,
  });
  if (delayMs > 0) emulator.injectFault({ delayMs });
  const { url, clientId, clientSecret, networkId, memberIds, uninstalledNetworkId } = emulator;
  process.stdout.write(`${JSON.stringify({ url, clientId, clientSecret, networkId, memberIds, uninstalledNetworkId })}\n`);
  process.stderr.write(`tribe-sdk emulator listening on ${url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await emulator.close();
  return 0;
}
