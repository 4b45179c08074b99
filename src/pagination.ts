import { abortError } from './abort.js';
import { TribeAbortError, TribeGraphQLError } from './errors.js';
import { MESSAGES } from './messages.js';
import { invalid } from './options/rules.js';
import { resolvePaginate, type PaginateOptions } from './options/paginate-options.js';

export type { PaginateOptions } from './options/paginate-options.js';

/** The cursor state of one page, as Tribe's `PageInfo` reports it. */
export interface PageCursor {
  endCursor: string | null | undefined;
  hasNextPage: boolean;
}

/** A selected Tribe `Paginated*` object: some nodes and the cursor state (more fields may be selected). */
export interface Connection<TNode = unknown> {
  nodes?: readonly TNode[] | null;
  pageInfo: PageCursor;
}

/**
 * A generated SDK method whose one root field is paginated, such as `sdk.posts`: called as
 * `(variables, requestHeaders?, signal?)` and resolving to `{ [rootField]: Connection }`.
 */
export type PaginatedOperation = (variables: never, requestHeaders?: never, signal?: AbortSignal) => Promise<{ [rootField: string]: Connection | null }>;

type ResultOf<TOperation extends PaginatedOperation> = Awaited<ReturnType<TOperation>>;

/** The connection object an operation returns, e.g. `PostsQuery['posts']`. */
export type ConnectionOf<TOperation extends PaginatedOperation> = NonNullable<ResultOf<TOperation>[keyof ResultOf<TOperation>]>;

/** The node type of a paginated operation, e.g. the post type for `sdk.posts`. */
export type NodeOf<TOperation extends PaginatedOperation> =
  ConnectionOf<TOperation> extends infer TConnection ? (TConnection extends { nodes?: ReadonlyArray<infer TNode> | null } ? TNode : never) : never;

type VariablesOf<TOperation extends PaginatedOperation> = NonNullable<Parameters<TOperation>[0]>;

/**
 * What {@link paginate} takes as variables: the operation's own, less `after`, which it sets itself.
 * `never` unless the operation declares both `$limit` and `$after`, since without `$after` it could not advance.
 */
export type PageVariables<TOperation extends PaginatedOperation> = 'after' extends keyof VariablesOf<TOperation>
  ? VariablesOf<TOperation> extends { limit: number; after?: string | null }
    ? Omit<VariablesOf<TOperation>, 'after'>
    : { 'tribe-sdk: paginate needs an operation whose $limit is an Int!': never }
  : { 'tribe-sdk: paginate needs an operation that declares $after': never };

/** One page as {@link Paginator.pages} yields it: the selected connection, with `nodes` always an array. */
export type PageOf<TOperation extends PaginatedOperation> = Omit<ConnectionOf<TOperation>, 'nodes'> & { nodes: Array<NodeOf<TOperation>> };

/** The result of {@link paginate}: async-iterable over nodes, and over whole pages through `pages()`. */
export interface Paginator<TNode, TPage> extends AsyncIterable<TNode> {
  /** Iterates over whole pages, from the first page again on every call. */
  pages(): AsyncIterableIterator<TPage>;
  /** Fetches every page (up to `maxItems` nodes) and returns the nodes in order. */
  collect(): Promise<TNode[]>;
}

/** The one connection in a result; several would make the cursor to follow ambiguous. */
function connectionIn(result: Record<string, unknown>): Connection | null {
  const fields = Object.entries(result).filter(([key]) => key !== '__typename');
  if (fields.length !== 1) invalid('the operation given to paginate', 'one with exactly one root field');
  const connection = fields[0]![1] as Connection | null | undefined;
  if (connection && typeof connection.pageInfo?.hasNextPage !== 'boolean') {
    invalid('the operation given to paginate', 'one that selects pageInfo { endCursor hasNextPage }');
  }
  return connection ?? null;
}

/** Keeps at most `count` nodes (and edges, when selected) of a page. */
function trimmed<TPage extends { nodes: unknown[] }>(page: TPage, count: number): TPage {
  if (page.nodes.length <= count) return page;
  const edges = (page as { edges?: unknown }).edges;
  return { ...page, nodes: page.nodes.slice(0, count), ...(Array.isArray(edges) ? { edges: edges.slice(0, count) } : {}) };
}

/**
 * Iterates over every node of a paginated operation, e.g. `paginate(sdk.posts, { limit: 50, spaceIds })`:
 * requests pages of `limit` and follows `pageInfo.endCursor` through `after` while `hasNextPage` holds.
 */
export function paginate<TOperation extends PaginatedOperation>(
  operation: TOperation,
  variables: PageVariables<TOperation>,
  options: PaginateOptions = {},
): Paginator<NodeOf<TOperation>, PageOf<TOperation>> {
  const { limit, maxItems, signal } = resolvePaginate(variables, options);
  const call = operation as unknown as (variables: object, requestHeaders: undefined, signal: AbortSignal | undefined) => Promise<Record<string, unknown>>;

  async function* pages(): AsyncGenerator<PageOf<TOperation>, void, undefined> {
    let after: string | undefined;
    const seenCursors = new Set<string>();
    let remaining = maxItems;
    while (remaining > 0) {
      if (signal?.aborted) throw abortError(signal);
      const pageVariables = { ...(variables as object), limit: Math.min(limit, remaining), ...(after === undefined ? {} : { after }) };
      let result: Record<string, unknown>;
      try {
        result = await call(pageVariables, undefined, signal);
      } catch (error) {
        if (signal?.aborted && !(error instanceof TribeAbortError)) throw abortError(signal);
        throw error;
      }
      const connection = connectionIn(result);
      if (!connection) return;
      const page = trimmed({ ...connection, nodes: [...(connection.nodes ?? [])] } as PageOf<TOperation>, remaining);
      remaining -= page.nodes.length;
      yield page;
      const { endCursor, hasNextPage } = connection.pageInfo;
      if (!hasNextPage) return;
      // The second page ending where the first did means `after` was not sent on: the operation lacks $after.
      if (endCursor && seenCursors.size === 1 && seenCursors.has(endCursor)) {
        invalid(`the operation given to paginate (${operation.name || 'anonymous'})`, 'one that declares $after and passes it to its paginated field');
      }
      if (!endCursor || seenCursors.has(endCursor)) {
        throw new TribeGraphQLError(MESSAGES.cursorLoop, { data: result });
      }
      seenCursors.add(endCursor);
      after = endCursor;
    }
  }

  async function* nodes(): AsyncGenerator<NodeOf<TOperation>, void, undefined> {
    for await (const page of pages()) {
      for (const node of page.nodes) {
        if (signal?.aborted) throw abortError(signal);
        yield node;
      }
    }
  }

  return {
    [Symbol.asyncIterator]: () => nodes(),
    pages,
    async collect() {
      const all: Array<NodeOf<TOperation>> = [];
      for await (const node of nodes()) all.push(node);
      return all;
    },
  };
}
