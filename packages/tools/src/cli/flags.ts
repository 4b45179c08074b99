import { TribeConfigError } from 'tribe-sdk';

/** A command-line flag's number, or a usage error in the SDK's option style (`tribe-sdk: --flag must be ...`). */
function numberFlag(value: string, flag: string, mustBe: string, valid: (parsed: number) => boolean): number {
  const parsed = value.trim() === '' ? Number.NaN : Number(value);
  if (!valid(parsed)) throw new TribeConfigError(`tribe-sdk: ${flag} must be ${mustBe}`);
  return parsed;
}

/** A command-line flag holding a whole number in `[min, max]`; undefined when not given. */
export function integerFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  return numberFlag(value, flag, `an integer from ${min} to ${max}`, (parsed) => Number.isInteger(parsed) && parsed >= min && parsed <= max);
}

/** A command-line flag holding a duration in ms; undefined when not given. */
export function durationFlag(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  return numberFlag(value, flag, `a number of ms from ${min}`, (parsed) => Number.isFinite(parsed) && parsed >= min && parsed <= 2_147_483_647);
}
