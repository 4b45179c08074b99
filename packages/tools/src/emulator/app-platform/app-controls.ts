import { TribeConfigError } from 'tribe-sdk';
import type { EmulatorStore } from '../store.js';
import type { EmulatorWebhookOptions } from '../webhook-delivery.js';
import { previewRoutes } from '../preview/preview-routes.js';
import { registerApp, type EmulatorAppOptions } from './app-options.js';
import { AppPlatform, type AppAnswerResult, type AppInteractionInput, type InteractionResult, type ShortcutStatesInput } from './app-platform.js';
import { slateProblem } from './slate-check.js';

/** The emulator's platform side for a registered app: ask it as the platform would, and preview its blocks in a browser. */
export interface RunningApp {
  /** Sends an `INTERACTION` (a block load, a callback with inputs, a shortcut click), signed; resolves with the checked answer. */
  interact(input: AppInteractionInput): Promise<InteractionResult>;
  /** Sends `SHORTCUTS_STATES` for posts and spaces; resolves with the checked answer. */
  shortcutStates(input?: ShortcutStatesInput): Promise<AppAnswerResult>;
  /** Sends `FEDERATED_SEARCH` with a query; resolves with the checked answer. */
  search(query: string, actorId?: string): Promise<AppAnswerResult>;
  /** The block preview's start page, e.g. `http://127.0.0.1:4123/preview`; undefined without `app`. */
  previewUrl: string | undefined;
}

/** The platform side of a registered app, or undefined when the emulator was started without `app`. */
export function startAppPlatform(store: EmulatorStore, app: EmulatorAppOptions | undefined, webhooks: EmulatorWebhookOptions | undefined) {
  if (!app) return undefined;
  const platform = new AppPlatform(store, registerApp(app, webhooks), webhooks!, slateProblem);
  return { platform, routes: previewRoutes(platform, store) };
}

function notRegistered(): never {
  throw new TribeConfigError('tribe-sdk emulator: no app is registered; start the emulator with app: { dynamicBlocks, shortcuts, ... } and webhooks');
}

/** The controls of {@link RunningApp}; each refuses with a TribeConfigError when no app is registered. */
export function appControls(platform: AppPlatform | undefined, origin: string): RunningApp {
  return {
    interact: async (input) => (platform ?? notRegistered()).interact(input),
    shortcutStates: async (input) => (platform ?? notRegistered()).shortcutStates(input),
    search: async (query, actorId) => (platform ?? notRegistered()).search(query, actorId),
    previewUrl: platform && `${origin}/preview`,
  };
}
