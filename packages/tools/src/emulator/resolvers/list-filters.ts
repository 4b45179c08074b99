import { API_CODE, apiError } from '../api-error.js';
import type { MemberRecord, PostRecord, SpaceRecord } from '../store.js';
import { roleOf } from '../viewer.js';

/** One `filterBy` entry of a list query, as the posts, feed and members queries take it. */
export interface FilterByInput {
  key: string;
  operator?: string | null;
  value: string;
}

/** Compares a stored value with a filter's value; dates compare as ISO strings, which sort in time order. */
function holds(actual: string | null, operator: string, expected: string): boolean {
  if (operator === 'hasValue') return (actual !== null && actual !== '') === (expected !== 'false');
  if (actual === null) return operator === 'not' || operator === 'nin';
  switch (operator) {
    case 'equals':
      return actual === expected;
    case 'not':
      return actual !== expected;
    case 'contains':
      return actual.toLowerCase().includes(expected.toLowerCase());
    case 'startsWith':
      return actual.toLowerCase().startsWith(expected.toLowerCase());
    case 'endsWith':
      return actual.toLowerCase().endsWith(expected.toLowerCase());
    case 'in':
      return parseList(expected).includes(actual);
    case 'nin':
      return !parseList(expected).includes(actual);
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    default:
      throw apiError(API_CODE.invalidParameter, `unknown filter operator ${operator}`);
  }
}

/** `in` and `nin` take a JSON array, as Tribe's filters do; a bare string counts as a one-item list. */
function parseList(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    return [value];
  }
}

/** Normalises a date filter value so that `2026-01-05` and full ISO timestamps compare correctly. */
function dateValue(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw apiError(API_CODE.invalidParameter, `filter value ${value} is not a date`);
  return new Date(time).toISOString();
}

/** Operators whose value is a list or a flag rather than one value to compare. */
const LIST_OPERATORS = new Set(['in', 'nin', 'hasValue']);

const POST_DATE_KEYS = new Set(['createdAt', 'updatedAt', 'publishedAt']);

/** Keeps the posts that pass every filter; the emulator stores no custom fields, so only the date keys are accepted. */
export function filterPosts(posts: PostRecord[], filters: readonly FilterByInput[] | null | undefined): PostRecord[] {
  if (!filters?.length) return posts;
  for (const filter of filters) {
    if (!POST_DATE_KEYS.has(filter.key)) {
      throw apiError(API_CODE.invalidParameter, `the emulator filters posts only by ${[...POST_DATE_KEYS].join(', ')}`);
    }
  }
  return posts.filter((post) =>
    filters.every((filter) => {
      const key = filter.key as 'createdAt' | 'updatedAt' | 'publishedAt';
      const operator = filter.operator ?? 'equals';
      return holds(post[key], operator, LIST_OPERATORS.has(operator) ? filter.value : dateValue(filter.value));
    }),
  );
}

const MEMBER_KEYS: Record<string, (member: MemberRecord) => string | null> = {
  name: (member) => member.name,
  username: (member) => member.username,
  email: (member) => member.email,
  status: (member) => member.status,
  roleId: (member) => roleOf(member).id,
  tagline: (member) => member.tagline,
  createdAt: (member) => member.createdAt,
  updatedAt: (member) => member.updatedAt,
};

/** Keeps the items that pass every filter, reading each filter's key through `keys`; `kind` names the items in errors. */
function filterByKeys<T>(
  items: T[],
  filters: readonly FilterByInput[] | null | undefined,
  keys: Record<string, (item: T) => string | null>,
  kind: string,
): T[] {
  if (!filters?.length) return items;
  const readers = filters.map((filter) => {
    const read = keys[filter.key];
    if (!read) throw apiError(API_CODE.invalidParameter, `the emulator filters ${kind} only by ${Object.keys(keys).join(', ')}`);
    const operator = filter.operator ?? 'equals';
    const isDate = DATE_KEYS.has(filter.key) && !LIST_OPERATORS.has(operator);
    return { read, operator, value: isDate ? dateValue(filter.value) : filter.value };
  });
  return items.filter((item) => readers.every(({ read, operator, value }) => holds(read(item), operator, value)));
}

const DATE_KEYS = new Set(['createdAt', 'updatedAt']);

/** Keeps the members that pass every filter, on the profile fields the emulator stores. */
export function filterMembers(members: MemberRecord[], filters: readonly FilterByInput[] | null | undefined): MemberRecord[] {
  return filterByKeys(members, filters, MEMBER_KEYS, 'members');
}

const SPACE_KEYS: Record<string, (space: SpaceRecord) => string | null> = {
  name: (space) => space.name,
  slug: (space) => space.slug,
  type: (space) => space.type,
  private: (space) => String(space.private),
  hidden: (space) => String(space.hidden),
  inviteOnly: (space) => String(space.inviteOnly),
  collectionId: (space) => space.collectionId,
  createdAt: (space) => space.createdAt,
};

/** Keeps the spaces that pass every `filterBy` entry, on the fields the emulator stores. */
export function filterSpaces(spaces: SpaceRecord[], filters: readonly FilterByInput[] | null | undefined): SpaceRecord[] {
  return filterByKeys(spaces, filters, SPACE_KEYS, 'spaces');
}
