import { API_CODE, apiError } from './api-error.js';

/** Tribe's list arguments. */
export interface PageArgs {
  limit: number;
  after?: string | null;
  before?: string | null;
  offset?: number | null;
  reverse?: boolean | null;
}

/** Tribe's `Paginated*` shape. */
export interface Page<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** An opaque cursor, base64-encoded JSON as Tribe's are. */
function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ id })).toString('base64');
}

function decodeCursor(cursor: string): string {
  try {
    const { id } = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { id?: unknown };
    if (typeof id === 'string') return id;
  } catch {
    // falls through to the error below
  }
  throw apiError(API_CODE.invalidParameter, 'invalid cursor');
}

/** Cuts one page out of an ordered list, as Tribe does: `limit`, `after`/`before` cursors, `offset`, `reverse`. */
export function paginate<T extends { id: string }>(items: readonly T[], args: PageArgs): Page<T> {
  if (!Number.isInteger(args.limit) || args.limit < 0) throw apiError(API_CODE.parameterValidation, 'limit must be an integer >= 0');
  const list = args.reverse ? [...items].reverse() : items;
  const indexOf = (cursor: string): number => {
    const id = decodeCursor(cursor);
    const index = list.findIndex((item) => item.id === id);
    if (index < 0) throw apiError(API_CODE.invalidParameter, 'cursor points to no item of this list');
    return index;
  };
  let start = args.after ? indexOf(args.after) + 1 : 0;
  const end = args.before ? indexOf(args.before) : list.length;
  start += Math.max(0, args.offset ?? 0);
  const nodes = list.slice(start, Math.min(end, start + args.limit));
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    nodes,
    edges,
    pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: start + nodes.length < end },
    totalCount: items.length,
  };
}
