import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command, for the `see tribe-sdk <command> --help` hint. */
    readonly command: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** How one command reads its arguments: its name, its help text and its options. */
export interface CommandSpec<TOptions extends Options> {
  command: string;
  usage: string;
  options: TOptions;
}

/**
 * Reads a command's arguments strictly: unknown options and stray positionals are a
 * {@link UsageError}. Returns undefined after printing the usage when `--help` is given.
 */
export function parseCommand<TOptions extends Options>(args: string[], spec: CommandSpec<TOptions>) {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: false, options: { ...spec.options, help: { type: 'boolean' } } });
  } catch (error) {
    // parseArgs names the offending argument; arguments are never secrets, which come from the environment only.
    throw new UsageError((error as Error).message, spec.command);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${spec.usage}\n`);
    return undefined;
  }
  type Value<TOption> = TOption extends { type: 'boolean' } ? boolean : TOption extends { multiple: true } ? string[] : string;
  return parsed.values as { [K in keyof TOptions]?: Value<TOptions[K]> };
}
