import { duration, integer, invalid } from './rules.js';

function numberOf(value: string, flag: string, mustBe: string): number {
  const parsed = value.trim() === '' ? Number.NaN : Number(value);
  if (Number.isNaN(parsed)) invalid(flag, mustBe);
  return parsed;
}

/** A command-line flag holding a whole number in `[min, max]`; undefined when not given. */
export function integerFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  return value === undefined ? undefined : integer(numberOf(value, flag, `an integer from ${min} to ${max}`), flag, min, max);
}

/** A command-line flag holding a duration in ms; undefined when not given. */
export function durationFlag(value: string | undefined, flag: string, min: number): number | undefined {
  return value === undefined ? undefined : duration(numberOf(value, flag, `a number of ms from ${min}`), flag, min);
}
