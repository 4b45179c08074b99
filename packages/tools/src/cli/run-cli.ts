import { SDK_VERSION, TribeConfigError, TribeError } from 'tribe-sdk';
import { parseCommand, UsageError } from './args.js';

const DEMO_USAGE = `Usage: tribe-sdk demo

Walks through the SDK: mints a bot token, lists spaces, creates a post as a member, reacts, pages
through the posts, shows the Forbidden error, receives the emulator's webhook in a local handler, and
has the emulator load the handler's block and submit its form.
It runs on the built-in emulator, or read-only against the real API when TRIBE_CLIENT_ID,
TRIBE_CLIENT_SECRET and TRIBE_NETWORK_ID (and optionally TRIBE_API_URL) are set.`;

const HELP = `Usage: tribe-sdk <command> [options]

Commands:
  init [--output dir] [--force] [--install]      set up codegen, the editor config and npm scripts in an app project
  token [--network ID] [--member ID] [--json]    mint an app access token from TRIBE_CLIENT_ID/SECRET and print it
  demo                                            walk through the SDK (on the emulator unless TRIBE_* are set)
  emulator [--port N] [--data file.json] [--token-ttl seconds] [--delay ms] [--gateway] [--schema file]
           [--rate-limit free|addon|REQUESTS[,COMPLEXITY]] [--rate-window seconds]
           [--webhook-url URL] [--cors-origin URL]... [--interaction-url URL] [--search-url URL]
           [--block KEY]... [--shortcut KEY]...
                                                  start the local Tribe API emulator; prints one JSON line;
                                                  delivers signed webhooks to URL (secret: TRIBE_SIGNING_SECRET)
                                                  and previews the app's blocks at previewUrl
  interact --emulator URL (--block KEY | --shortcut KEY) [--actor ID] [--callback ID] [--inputs JSON]
                                                  ask the emulator's app for a block or send it a callback
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
  TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET, TRIBE_NETWORK_ID, TRIBE_ACCESS_TOKEN, TRIBE_API_URL, TRIBE_SIGNING_SECRET`;

const SCHEMA_USAGE = `Usage: tribe-sdk schema <pull|validate> [options]

  schema pull       write a sorted snapshot of the Tribe schema and report the changes and the operations they break
  schema validate   check every operation against the snapshot (before codegen)

See tribe-sdk schema pull --help and tribe-sdk schema validate --help for their options.`;

/** The usage of each command that takes a subcommand, for `tribe-sdk <group> --help` (or the group alone). */
const GROUP_USAGE: Record<string, string> = { schema: SCHEMA_USAGE };

type Env = Record<string, string | undefined>;
type Command = (args: string[], env: Env) => Promise<number>;

/** Each command is loaded only when it runs, so `token` starts without the emulator's or the schema differ's libraries. */
const COMMANDS: Record<string, Command> = {
  init: async (args) => (await import('./init-command.js')).initCommand(args),
  token: async (args, env) => (await import('./token-command.js')).tokenCommand(args, env),
  demo: async (args, env) => {
    if (!parseCommand(args, { command: 'demo', usage: DEMO_USAGE, options: {} })) return 0;
    return (await import('./demo-command.js')).demoCommand(env);
  },
  emulator: async (args, env) => (await import('./emulator-command.js')).emulatorCommand(args, env),
  interact: async (args) => (await import('./interact-command.js')).interactCommand(args),
  'schema pull': async (args, env) => (await import('./schema-pull-command.js')).schemaPullCommand(args, env),
  'schema validate': async (args) => (await import('./validate-operations.js')).schemaValidateCommand(args),
};

/** An error as one line with the `tribe-sdk:` prefix; a missing file is named, not shown as a raw ENOENT. */
function oneLine(error: unknown): string {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (code === 'ENOENT' && typeof path === 'string') return `tribe-sdk: no such file or folder: ${path}`;
  if (code === 'EACCES' && typeof path === 'string') return `tribe-sdk: permission denied: ${path}`;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  return message.startsWith('tribe-sdk') ? message : `tribe-sdk: ${message}`;
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
    const twoWords = COMMANDS[`${command} ${sub}`];
    if (twoWords) return await twoWords(rest, env);
    const groupUsage = GROUP_USAGE[command];
    if (groupUsage !== undefined && (sub === undefined || sub === '--help' || sub === 'help')) {
      process.stdout.write(`${groupUsage}\n`);
      return sub === undefined ? 2 : 0;
    }
    const oneWord = COMMANDS[command];
    if (oneWord) return await oneWord(args.slice(1), env);
    process.stderr.write(`tribe-sdk: unknown command "${args.join(' ')}"; see tribe-sdk --help\n`);
    return 2;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tribe-sdk ${error.command}: ${error.message}; see tribe-sdk ${error.command} --help\n`);
      return 2;
    }
    process.stderr.write(`${verbose && error instanceof Error && !(error instanceof TribeError) ? error.stack : oneLine(error)}\n`);
    return error instanceof TribeConfigError ? 2 : 1;
  }
}
