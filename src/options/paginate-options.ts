import { integer, invalid, object, signal } from './rules.js';

/** Options of `paginate`. */
export interface PaginateOptions {
  /** The most nodes to yield; fewer are requested on the last page so none are fetched in vain. */
  maxItems?: number;
  /** Stops the iteration with a `TribeAbortError`; also passed to each request. */
  signal?: AbortSignal;
}

/** What `paginate` runs with. */
export interface ResolvedPaginate {
  limit: number;
  maxItems: number;
  signal: AbortSignal | undefined;
}

/** Validates `variables.limit` and the paginate options. */
export function resolvePaginate(variables: unknown, options: PaginateOptions | undefined): ResolvedPaginate {
  const given = object(options, 'options');
  if (typeof variables !== 'object' || variables === null) invalid('paginate variables', 'an object with limit');
  const limit = integer((variables as { limit?: unknown }).limit, 'variables.limit', 1, 10_000);
  if (limit === undefined) invalid('variables.limit', 'an integer from 1 to 10000');
  return {
    limit,
    maxItems: integer(given.maxItems, 'maxItems', 0, Number.MAX_SAFE_INTEGER) ?? Number.POSITIVE_INFINITY,
    signal: signal(given.signal, 'signal'),
  };
}
