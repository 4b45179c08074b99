import { TribeConfigError } from 'tribe-sdk';
import type { EmulatorAppOptions } from '../emulator/index.js';

/** The options of `tribe-sdk emulator` that register the app with the platform side. */
export const APP_FLAGS = {
  'interaction-url': { type: 'string' },
  'search-url': { type: 'string' },
  block: { type: 'string', multiple: true },
  shortcut: { type: 'string', multiple: true },
} as const;

/** The flags' values as parsed. */
interface AppFlagValues {
  'interaction-url'?: string;
  'search-url'?: string;
  block?: string[];
  shortcut?: string[];
}

/** The app's registration from the flags: with `--webhook-url` the app is always registered (its settings page at least); its invalid answers go to stderr. */
export function appFlagsOptions(values: AppFlagValues, hasWebhook: boolean): EmulatorAppOptions | undefined {
  const given = Object.keys(APP_FLAGS).some((flag) => values[flag as keyof AppFlagValues] !== undefined);
  if (!hasWebhook) {
    if (given) throw new TribeConfigError('tribe-sdk: --interaction-url, --search-url, --block and --shortcut need --webhook-url');
    return undefined;
  }
  return {
    interactionUrl: values['interaction-url'],
    searchUrl: values['search-url'],
    dynamicBlocks: values.block,
    shortcuts: values.shortcut,
    onInvalidAnswer: ({ block, reason }) => void process.stderr.write(`tribe-sdk emulator: the app's answer for ${block} is invalid: ${reason}\n`),
  };
}
