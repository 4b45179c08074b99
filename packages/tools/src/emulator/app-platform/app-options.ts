import { TribeConfigError } from 'tribe-sdk';
import type { EmulatorWebhookOptions } from '../webhook-delivery.js';
import type { AnswerProblem } from './answer-problem.js';

/** The app as registered with the platform: where it answers interactions and searches, and its blocks and shortcuts. */
export interface EmulatorAppOptions {
  /** Where `INTERACTION` requests go (block loads, callbacks, shortcut clicks, the settings page); default: the webhook URL. */
  interactionUrl?: string;
  /** Where `FEDERATED_SEARCH` requests go; default: the webhook URL. */
  searchUrl?: string;
  /** The app's dynamic block keys; `settings` (its settings page) is always one. */
  dynamicBlocks?: string[];
  /** The app's shortcut keys (shown on posts and spaces). */
  shortcuts?: string[];
  /** Called with every problem found in an answer of the app (the emulator's CLI prints them). */
  onInvalidAnswer?: (problem: AnswerProblem) => void;
}

/** The registration once checked: every URL resolved, every key known. */
export interface RegisteredApp {
  webhookUrl: string;
  interactionUrl: string;
  searchUrl: string;
  dynamicBlocks: ReadonlySet<string>;
  shortcuts: ReadonlySet<string>;
  onInvalidAnswer: (problem: AnswerProblem) => void;
}

/** The key of the app's settings page, which the platform loads like a dynamic block. */
export const SETTINGS_BLOCK = 'settings';

const KEY = /^[A-Za-z0-9][\w.-]{0,99}$/;

function httpUrl(value: string | undefined, fallback: string, option: string): string {
  if (value === undefined) return fallback;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new TribeConfigError(`tribe-sdk emulator: app.${option} must be an http(s) URL`);
  return url.href;
}

function keys(values: string[] | undefined, option: string): Set<string> {
  if (values !== undefined && !Array.isArray(values)) throw new TribeConfigError(`tribe-sdk emulator: app.${option} must be an array of keys`);
  for (const value of values ?? []) {
    if (typeof value !== 'string' || !KEY.test(value))
      throw new TribeConfigError(`tribe-sdk emulator: app.${option} holds ${JSON.stringify(value)}; a key is 1-100 letters, digits, '_', '.' or '-'`);
  }
  return new Set(values);
}

/** Checks the app's registration; it needs the webhook options, whose signing secret signs every request. */
export function registerApp(options: EmulatorAppOptions, webhooks: EmulatorWebhookOptions | undefined): RegisteredApp {
  if (!webhooks) throw new TribeConfigError('tribe-sdk emulator: app needs webhooks: { url, signingSecret } too (the requests are signed with its secret)');
  const dynamicBlocks = keys(options.dynamicBlocks, 'dynamicBlocks');
  dynamicBlocks.add(SETTINGS_BLOCK);
  return {
    webhookUrl: webhooks.url,
    interactionUrl: httpUrl(options.interactionUrl, webhooks.url, 'interactionUrl'),
    searchUrl: httpUrl(options.searchUrl, webhooks.url, 'searchUrl'),
    dynamicBlocks,
    shortcuts: keys(options.shortcuts, 'shortcuts'),
    onInvalidAnswer: options.onInvalidAnswer ?? (() => undefined),
  };
}
