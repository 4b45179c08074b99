import { TribeConfigError } from 'tribe-sdk';
import { parseCommand } from './args.js';

const INTERACT_USAGE = `Usage: tribe-sdk interact --emulator URL (--block KEY | --shortcut KEY) [options]

Asks the app registered with a running emulator (tribe-sdk emulator --webhook-url ... --block KEY) for a block, or
sends it a callback, as the platform would, and prints the checked answer as one JSON line: { valid, problems,
interactions, answer, ... }. Exits 0 when the answer is valid, 1 when it is not.

  --emulator URL      the emulator's URL as it printed it (e.g. http://127.0.0.1:4123/graphql)
  --block KEY         the dynamic block (settings for the app's settings page)
  --shortcut KEY      a shortcut click instead of a block
  --actor ID          the member who interacts (default: the first person of the network)
  --callback ID       the callbackId of the button or form used (none: a block load)
  --inputs JSON       the form's values, e.g. '{"choice":"TypeScript","notify":true}'`;

const MAX_ANSWER_BYTES = 1024 * 1024;

/** The emulator's origin from the URL it printed; loopback only, as the emulator itself. */
function emulatorOrigin(value: string | undefined): string {
  if (value === undefined) throw new TribeConfigError('tribe-sdk: interact needs --emulator URL (the url the emulator printed)');
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || url.protocol !== 'http:' || !/^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname))
    throw new TribeConfigError('tribe-sdk: --emulator must be the http URL of an emulator on this machine');
  return url.origin;
}

function inputsOf(json: string | undefined): Record<string, unknown> | undefined {
  if (json === undefined) return undefined;
  let inputs: unknown;
  try {
    inputs = JSON.parse(json);
  } catch {
    inputs = undefined;
  }
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) throw new TribeConfigError('tribe-sdk: --inputs must be a JSON object');
  return inputs as Record<string, unknown>;
}

/** `tribe-sdk interact`: one interaction with the app registered on a running emulator, printed as JSON. */
export async function interactCommand(args: string[]): Promise<number> {
  const values = parseCommand(args, {
    command: 'interact',
    usage: INTERACT_USAGE,
    options: {
      emulator: { type: 'string' },
      block: { type: 'string' },
      shortcut: { type: 'string' },
      actor: { type: 'string' },
      callback: { type: 'string' },
      inputs: { type: 'string' },
    },
  });
  if (!values) return 0;
  const origin = emulatorOrigin(values.emulator);
  const input = { block: values.block, shortcut: values.shortcut, actor: values.actor, callbackId: values.callback, inputs: inputsOf(values.inputs) };
  const response = await fetch(`${origin}/app/interact`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (text.length > MAX_ANSWER_BYTES) throw new Error('tribe-sdk: the emulator answered more than 1 MiB');
  if (response.status === 404) throw new Error('tribe-sdk: the emulator has no app registered (start it with --webhook-url and --block)');
  let result: { valid?: unknown; error?: unknown };
  try {
    result = JSON.parse(text) as typeof result;
  } catch {
    throw new Error(`tribe-sdk: the emulator answered HTTP ${response.status} without JSON`);
  }
  if (typeof result.error === 'string') throw new TribeConfigError(result.error);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result.valid === true ? 0 : 1;
}
