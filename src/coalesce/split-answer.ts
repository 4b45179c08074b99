import type { TribeApiError } from '../errors.js';
import type { MergedPart } from './merge-operations.js';

/** One call's part of the merged data, under the keys it selected (null when the merged data is null). */
export function partOf(data: unknown, part: MergedPart): Record<string, unknown> | null {
  if (typeof data !== 'object' || data === null) return null;
  const own: Record<string, unknown> = {};
  for (const key of part.keys) {
    if (Object.hasOwn(data, part.prefix + key)) own[key] = (data as Record<string, unknown>)[part.prefix + key];
  }
  return own;
}

/**
 * The errors of each call, with their paths as the call named them; undefined when one of them
 * belongs to no call (no path, or a root key of no part), so that the request failed as a whole.
 */
export function errorsByPart(errors: readonly TribeApiError[], parts: readonly MergedPart[]): TribeApiError[][] | undefined {
  const byPart: TribeApiError[][] = parts.map(() => []);
  for (const error of errors) {
    const root = error.path?.[0];
    const index = typeof root === 'string' ? parts.findIndex((part) => root.startsWith(part.prefix) && part.keys.includes(root.slice(part.prefix.length))) : -1;
    if (index < 0) return undefined;
    byPart[index]!.push({ ...error, path: [(root as string).slice(parts[index]!.prefix.length), ...error.path!.slice(1)] });
  }
  return byPart;
}

/** Whether the merged data holds every root field of the call. */
export function hasPart(data: unknown, part: MergedPart): boolean {
  return typeof data === 'object' && data !== null && part.keys.every((key) => Object.hasOwn(data, part.prefix + key));
}
