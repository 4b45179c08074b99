import { parseArgs } from 'node:util';
import { mintAccessToken } from 'tribe-sdk';

/** Usage of `tribe-sdk token`, printed by `tribe-sdk token --help` and after a usage error. */
export const TOKEN_USAGE = `Usage: tribe-sdk token [--network ID] [--member ID] [--json]

Mints an app access token and prints it alone, so that
  curl -H "Authorization: Bearer $(tribe-sdk token)" ...
works. With --json prints {"accessToken","expiresAt","gatewayUrl"} (expiresAt as ISO 8601, or null).

  --network ID   the network (default: TRIBE_NETWORK_ID)
  --member ID    act as this member (default: a bot token)
  --json         print JSON instead of the bare token

The credentials come from the environment only: TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET,
and optionally TRIBE_NETWORK_ID and TRIBE_API_URL (the endpoint).`;

/** Where `tribe-sdk token` writes: the token or JSON to `out`, problems to `err`. */
export interface TokenCommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: TokenCommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

type Parsed = { network?: string; member?: string; json: boolean; help: boolean };

function parseTokenArgs(args: string[]): Parsed | string {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        network: { type: 'string' },
        member: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    return { network: values.network, member: values.member, json: values.json, help: values.help };
  } catch (error) {
    // parseArgs names the offending argument; an argument is never a secret since secrets come from the environment.
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * `tribe-sdk token`: mints a token from TRIBE_CLIENT_ID and TRIBE_CLIENT_SECRET in `env` and prints it.
 * Returns 0, or 2 for a usage problem (bad arguments, missing variables); mint failures are thrown.
 */
export async function tokenCommand(args: string[], env: Record<string, string | undefined>, io: TokenCommandIo = processIo): Promise<number> {
  const parsed = parseTokenArgs(args);
  if (typeof parsed === 'string') {
    io.err(`tribe-sdk token: ${parsed}; see tribe-sdk token --help\n`);
    return 2;
  }
  if (parsed.help) {
    io.out(`${TOKEN_USAGE}\n`);
    return 0;
  }
  const networkId = parsed.network ?? env.TRIBE_NETWORK_ID;
  const missing = [
    env.TRIBE_CLIENT_ID ? undefined : 'TRIBE_CLIENT_ID',
    env.TRIBE_CLIENT_SECRET ? undefined : 'TRIBE_CLIENT_SECRET',
    networkId ? undefined : 'TRIBE_NETWORK_ID (or --network)',
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    io.err(`tribe-sdk token: set ${missing.join(', ')} in the environment; see tribe-sdk token --help\n`);
    return 2;
  }
  const token = await mintAccessToken({
    clientId: env.TRIBE_CLIENT_ID,
    clientSecret: env.TRIBE_CLIENT_SECRET,
    networkId: networkId!,
    memberId: parsed.member,
    endpoint: env.TRIBE_API_URL || undefined,
  });
  if (!parsed.json) {
    io.out(`${token.accessToken}\n`);
    return 0;
  }
  const expiresAt = token.expiresAt === undefined ? null : new Date(token.expiresAt).toISOString();
  io.out(`${JSON.stringify({ accessToken: token.accessToken, expiresAt, gatewayUrl: token.gatewayUrl ?? null })}\n`);
  return 0;
}
