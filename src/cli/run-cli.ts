import { SDK_VERSION } from '../constants.js';
import { TribeError } from '../errors.js';
import { demoCommand } from './demo-command.js';
import { emulatorCommand } from './emulator-command.js';
import { schemaPullCommand } from './schema-pull-command.js';
import { tokenCommand } from './token-command.js';
import { schemaValidateCommand } from './validate-operations.js';

const HELP = `Usage: tribe-sdk <command> [options]

Commands:
  token [--network ID] [--member ID] [--json]    mint an app access token from TRIBE_CLIENT_ID/SECRET and print it
  demo                                            walk through the SDK (on the emulator unless TRIBE_* are set)
  emulator [--port N] [--data file.json] [--token-ttl seconds] [--gateway] [--schema file]
                                                  start the local Tribe API emulator; prints one JSON line
  schema pull [--from <file|url>] [--out <file>] [--operations <dir>] [--fail-on-breaking]
                                                  write a sorted snapshot of the Tribe schema and report
                                                  the changes and the operations they break
  schema validate [--schema <file>] [--operations <dir>]
                                                  check every operation against the snapshot (before codegen)

Options:
  --help       show this help
  --version    show the version
  --verbose    print stack traces on errors

Secrets come from the environment, never from arguments:
  TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET, TRIBE_NETWORK_ID, TRIBE_ACCESS_TOKEN, TRIBE_API_URL`;

type Env = Record<string, string | undefined>;

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
    if (command === 'schema' && sub === 'pull') return await schemaPullCommand(rest, env);
    if (command === 'schema' && sub === 'validate') return await schemaValidateCommand(rest);
    if (command === 'token') return await tokenCommand(args.slice(1), env);
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
