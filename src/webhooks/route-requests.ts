import { TribeConfigError } from '../errors.js';
import { ERROR_CODES, failed, interactionAnswer, type WebhookAnswer } from './answers.js';
import type { FederatedSearchEvent, InteractionEvent, ShortcutsStatesEvent } from './envelope.js';
import { INTERACTION_TYPES, type Interaction } from './interactions.js';
import { interactionContext, type BlockRoute, type RouteAnswer, type SearchRoute, type ShortcutRoute } from './routes.js';
import { searchResults, shortcutStates, type ShortcutStatesItem } from './shortcuts-search.js';
import type { WebhookContext } from './webhook-context.js';

/** The routing options the router reads. */
export interface Routes {
  blocks?: Record<string, BlockRoute<never, string> | undefined>;
  shortcuts?: Record<string, ShortcutRoute<never, string> | undefined>;
  search?: SearchRoute;
}

/** A route that did not match: the answer for the platform and the error for `onError`. */
export interface Unrouted {
  unrouted: true;
  answer: WebhookAnswer;
  error: TribeConfigError;
}

/** A key from a request, as messages quote it: JSON-quoted and cut. */
function quote(key: string): string {
  return JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);
}

function own<T>(table: Record<string, T | undefined> | undefined, key: string): T | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}

function unrouted(what: string, known: Record<string, unknown> | undefined): Unrouted {
  const names = Object.keys(known ?? {});
  return {
    unrouted: true,
    answer: failed(ERROR_CODES.InvalidParameter, `tribe-sdk: the app has no ${what}`),
    error: new TribeConfigError(`tribe-sdk: a request asked for what the handler has not: no ${what} (it has ${names.length ? names.join(', ') : 'none'})`),
  };
}

function isInteraction(value: unknown): value is Interaction {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' && (INTERACTION_TYPES as readonly string[]).includes(type);
}

/** Turns what a route returned into an answer: interactions are wrapped, answers pass, nothing is an empty interaction answer. */
function routeAnswer(result: RouteAnswer): WebhookAnswer {
  if (result === undefined) return interactionAnswer();
  if (Array.isArray(result)) return interactionAnswer(...(result as Interaction[]));
  if (isInteraction(result)) return interactionAnswer(result);
  return result as WebhookAnswer;
}

/** Finds and runs the block's or the shortcut's function for an `INTERACTION`; `undefined` when nothing matches. */
export async function routeInteraction(event: InteractionEvent, routes: Routes, base: WebhookContext): Promise<WebhookAnswer | Unrouted | undefined> {
  const { dynamicBlockKey, shortcutKey, callbackId } = event.data;
  const byShortcut = typeof shortcutKey === 'string' && shortcutKey !== '';
  const key = byShortcut ? shortcutKey : dynamicBlockKey;
  if (typeof key !== 'string' || key === '') return undefined;
  const table = byShortcut ? routes.shortcuts : routes.blocks;
  const kind = byShortcut ? 'shortcut' : 'block';
  if (table === undefined) return undefined;
  const route = own<BlockRoute<never, string> & ShortcutRoute<never, string>>(table, key);
  if (route === undefined) return unrouted(`${kind} ${quote(key)}`, table);
  const context = interactionContext<never, string>(event, base);
  if (typeof callbackId === 'string' && callbackId !== '') {
    const callback = own(route.callbacks, callbackId);
    if (callback === undefined) return unrouted(`callback ${quote(callbackId)} on the ${kind} ${quote(key)}`, route.callbacks);
    const inputs = typeof event.data.inputs === 'object' && event.data.inputs !== null ? event.data.inputs : {};
    return routeAnswer(await callback(context, inputs));
  }
  const first = byShortcut ? route.click : route.load;
  if (first === undefined) return unrouted(`${byShortcut ? 'click' : 'load'} function for the ${kind} ${quote(key)}`, undefined);
  return routeAnswer(await first(context));
}

/** Answers `SHORTCUTS_STATES` from the shortcuts' `state` functions; unknown shortcut keys are left out and reported. */
export async function routeShortcutStates(
  event: ShortcutsStatesEvent,
  shortcuts: NonNullable<Routes['shortcuts']>,
  base: WebhookContext,
): Promise<{ answer: WebhookAnswer; errors: TribeConfigError[] }> {
  const entities: unknown = event.data.entities;
  const unknown = new Set<string>();
  const items: ShortcutStatesItem[] = [];
  for (const requested of (Array.isArray(entities) ? entities : []) as Array<Record<string, unknown> | null>) {
    const entity = (typeof requested?.entity === 'object' && requested.entity !== null ? requested.entity : {}) as Record<string, unknown>;
    const item: ShortcutStatesItem = { context: String(requested?.context ?? ''), entityId: String(entity.id ?? ''), shortcutStates: [] };
    const keys: unknown[] = Array.isArray(requested?.shortcuts) ? requested.shortcuts : [];
    for (const shortcut of keys.filter((key): key is string => typeof key === 'string')) {
      const route = own(shortcuts, shortcut);
      if (route === undefined) {
        unknown.add(shortcut);
        continue;
      }
      const state = await route.state?.({ context: item.context, entityId: item.entityId, entity, shortcut, event }, base);
      if (typeof state === 'string') item.shortcutStates.push({ shortcut, state });
    }
    items.push(item);
  }
  // One report per request, however many entities name the shortcuts the app does not have.
  const named = [...unknown].slice(0, 10).map(quote).join(', ');
  const errors = unknown.size === 0 ? [] : [unrouted(`shortcut${unknown.size === 1 ? '' : 's'} ${named}${unknown.size > 10 ? ', …' : ''}`, shortcuts).error];
  return { answer: shortcutStates(items), errors };
}

/** Answers `FEDERATED_SEARCH` with the app's results for the query. */
export async function routeSearch(event: FederatedSearchEvent, search: SearchRoute, base: WebhookContext): Promise<WebhookAnswer> {
  const query = typeof event.data.query === 'string' ? event.data.query : '';
  return searchResults(
    await search(query, {
      get client() {
        return base.client;
      },
      event,
    }),
  );
}
