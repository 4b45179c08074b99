import { TribeConfigError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { MAX_TIMER_MS } from './defaults.js';

/** Throws the one kind of option error: `tribe-sdk: <option> must be <what>`. */
export function invalid(option: string, mustBe: string): never {
  throw new TribeConfigError(MESSAGES.invalidOption(option, mustBe));
}

/** A required non-empty string. */
export function text(value: unknown, option: string): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(option, 'a non-empty string');
  return value;
}

/** An optional non-empty string; undefined stays undefined. */
export function optionalText(value: unknown, option: string): string | undefined {
  return value === undefined ? undefined : text(value, option);
}

/** An optional whole number in `[min, max]`. */
export function integer(value: unknown, option: string, min: number, max = MAX_TIMER_MS): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) invalid(option, `an integer from ${min} to ${max}`);
  return value;
}

/** An optional duration in ms, in `[min, MAX_TIMER_MS]`. */
export function duration(value: unknown, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
    invalid(option, `a number of ms from ${min} to ${MAX_TIMER_MS}`);
  }
  return value;
}

/** An optional boolean. */
export function flag(value: unknown, option: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') invalid(option, 'true or false');
  return value;
}

/** An optional function. */
export function callable<T extends (...args: never[]) => unknown>(value: unknown, option: string): T | undefined {
  if (value !== undefined && typeof value !== 'function') invalid(option, 'a function');
  return value as T | undefined;
}

/** An optional AbortSignal (anything with the AbortSignal shape, so signals of other realms pass). */
export function signal(value: unknown, option: string): AbortSignal | undefined {
  if (value === undefined || value === null) return undefined;
  const shaped =
    typeof value === 'object' && typeof (value as AbortSignal).aborted === 'boolean' && typeof (value as AbortSignal).addEventListener === 'function';
  if (!shaped) invalid(option, 'an AbortSignal');
  return value as AbortSignal;
}

/** An optional prefix of storage keys (Redis): a string without whitespace. */
export function keyPrefix(value: unknown, option: string): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || /\s/.test(value))) invalid(option, 'a string without whitespace');
  return value as string | undefined;
}

/** An options object: a missing one is `{}`. */
export function object<T extends object>(value: T | undefined, option: string): T {
  if (value === undefined) return {} as T;
  if (typeof value !== 'object' || value === null) invalid(option, 'an object');
  return value;
}

/** An optional list of host names (letters, digits, dots and dashes), lower-cased. */
export function hostNames(value: unknown, option: string): string[] | undefined {
  if (value === undefined) return undefined;
  const valid = Array.isArray(value) && value.length <= 100 && value.every((host) => typeof host === 'string' && /^[a-z0-9.-]{1,253}$/i.test(host));
  if (!valid) invalid(option, 'an array of up to 100 host names');
  return (value as string[]).map((host) => host.toLowerCase());
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_HEADER_VALUE = /[\r\n\0]/;

/**
 * Optional headers: a plain object of strings, names lower-cased. Names must be HTTP tokens and
 * values free of CR, LF and NUL, so nothing the caller passes can split a request.
 */
export function headers(value: unknown, option: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const plain = typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
  if (!plain) invalid(option, 'a plain object of strings (Headers instances and arrays are not sent)');
  const checked: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!HEADER_NAME.test(name)) invalid(`${option} name ${JSON.stringify(name.slice(0, 64))}`, 'an HTTP token');
    if (typeof entry !== 'string' || BAD_HEADER_VALUE.test(entry)) invalid(`${option} "${name}"`, 'a string without CR, LF or NUL');
    checked[name.toLowerCase()] = entry;
  }
  return checked;
}
