import type { SucceededAnswer } from './answers.js';

/** One shortcut's state for one entity, e.g. `{ shortcut: 'favorite', state: 'on' }`. */
export interface ShortcutState {
  shortcut: string;
  state: string;
}

/** The states of the shortcuts of one entity: one entry of a `SHORTCUTS_STATES` answer. */
export interface ShortcutStatesItem {
  context: string;
  entityId: string;
  shortcutStates: ShortcutState[];
}

/** Answers `SHORTCUTS_STATES` with one entry per entity, the array the platform expects. */
export function shortcutStates(items: ShortcutStatesItem[]): SucceededAnswer<ShortcutStatesItem[]> {
  return { type: 'SHORTCUTS_STATES', status: 'SUCCEEDED', data: items };
}

/** One result of the app's part of the community's search. */
export interface SearchResult {
  id: string;
  title: string;
  description: string;
  url: string;
  /** The result's icon; sent as both `icon` (the docs) and `iconUrl` (the official template). */
  icon?: string;
}

/** A search result as the wire carries it. */
export type WireSearchResult = Omit<SearchResult, 'icon'> & { icon?: string; iconUrl?: string };

/** Answers `FEDERATED_SEARCH` with results, the array the platform expects. */
export function searchResults(results: SearchResult[]): SucceededAnswer<WireSearchResult[]> {
  return {
    type: 'FEDERATED_SEARCH',
    status: 'SUCCEEDED',
    data: results.map(({ icon, ...result }) => (icon === undefined ? result : { ...result, icon, iconUrl: icon })),
  };
}
