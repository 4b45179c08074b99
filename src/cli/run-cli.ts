import { parseArgs } from 'node:util';
import { SDK_VERSION } from '../constants.js';
import { TribeError } from '../errors.js';
import { demoCommand } from './demo-command.js';
import { emulatorCommand } from './emulator-command.js';
import { pullSchema } from './schema-pull.js';

const HELP = `Usage: tribe-sdk <command> [options]

Commands:
  demo                                            walk through the SDK (on the emulator unless TRIBE_* are set)
  emulator [--port N] [--data file.json] [--token-ttl seconds] [--gateway] [--schema file]
                                                  start the local Tribe API emulator; prints one JSON line
  schema pull [--from <file|url>] [--out <file>]   write a sorted snapshot of the Tribe schema

Options:
  --help       show this help
  --version    show the version
  --verbose    print stack traces on errors

Secrets come from the environment, never from arguments:
  TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET, TRIBE_NETWORK_ID, TRIBE_ACCESS_TOKEN, TRIBE_API_URL`;

type Env = Record<string, string | undefined>;

async function schemaPull(args: string[], env: Env): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, out: { type: 'string' } } });
  const { previous, next } = await pullSchema({ from: values.from, out: values.out, env });
  const verdict = previous === undefined ? 'written' : previous === next ? 'unchanged' : 'updated';
  process.stderr.write(`schema ${verdict}: ${values.out ?? 'schema/tribe.graphql'}\n`);
  return 0;
}

/** Runs the `tribe-sdk` command line and returns the exit code: 0 ok, 1 failure, 2 usage error. */
export async function runCli(argv: string[], env: Env): Promise<number> {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((arg) => arg !== '--verbose');
  const [command, sub, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === 'help') {
      process.stdout.write(`${HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      process.stdout.write(`${SDK_VERSION}\n`);
      return 0;
    }
    if (command === 'schema' && sub === 'pull') return await schemaPull(rest, env);
    if (command === 'demo') return await demoCommand(env);
    if (command === 'emulator') return await emulatorCommand(args.slice(1));
    process.stderr.write(`tribe-sdk: unknown command "${args.join(' ')}"; see tribe-sdk --help\n`);
    return 2;
  } catch (error) {
    const line = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${verbose && error instanceof Error && !(error instanceof TribeError) ? error.stack : line}\n`);
    return 1;
  }
}
