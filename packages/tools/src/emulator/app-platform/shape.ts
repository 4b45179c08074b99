/** Small checks of untrusted JSON: each returns a reason naming the path, or undefined when the value fits. */

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a reason shows it: JSON, cut to 80 characters. */
export function shown(value: unknown): string {
  const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A required non-empty string. */
export function stringAt(value: unknown, path: string): string | undefined {
  return typeof value === 'string' && value !== '' ? undefined : `${path} must be a non-empty string, not ${shown(value)}`;
}

/** An optional string. */
export function optionalStringAt(value: unknown, path: string): string | undefined {
  return value === undefined || typeof value === 'string' ? undefined : `${path} must be a string when given, not ${shown(value)}`;
}

/** One of a list of strings; optional unless `required`. */
export function oneOfAt(value: unknown, path: string, allowed: readonly string[], required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  return typeof value === 'string' && allowed.includes(value) ? undefined : `${path} must be one of ${allowed.join(', ')}, not ${shown(value)}`;
}

/** A URL a member may be sent to: http(s), or a path on the community (`/...`). */
export function linkAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && /^\/(?!\/)/.test(value)) return undefined;
  if (typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return undefined;
  return `${path} must be an http(s) URL or a path starting with /, not ${shown(value)}`;
}
