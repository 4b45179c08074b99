import type { CoalesceSettings } from '../coalesce/coalescer.js';
import { flag, integer, invalid } from './rules.js';

/** Options of `coalesce` on `createTribeClient` and of `tribe.batch()`. */
export interface TribeCoalesceOptions {
  /** The most a merged request may cost, in complexity (default 1 000, the platform's advised most per query). */
  maxCost?: number;
  /** Merge mutations too (default false: each mutation is its own request). */
  mutations?: boolean;
}

/** The complexity the platform's docs advise a query to stay under. */
const DEFAULT_MAX_COST = 1_000;

/** Checks `coalesce` (true, false or {@link TribeCoalesceOptions}); undefined when calls are not merged. */
export function resolveCoalesce(value: unknown, option: string): CoalesceSettings | undefined {
  if (value === undefined || value === false) return undefined;
  if (value !== true && (typeof value !== 'object' || value === null)) invalid(option, 'true, false or { maxCost, mutations }');
  const given = value === true ? {} : (value as TribeCoalesceOptions);
  return {
    maxCost: integer(given.maxCost, `${option}.maxCost`, 1, 1_000_000_000) ?? DEFAULT_MAX_COST,
    mutations: flag(given.mutations, `${option}.mutations`) ?? false,
  };
}
