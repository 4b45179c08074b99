/**
 * Whether an answer, as serialised JSON, holds any of the secrets in a key or a string value. The text is
 * parsed back so that values are compared as sent, whatever JSON escaping made of them (a secret with `"`
 * or `\` is written escaped, and `toJSON` may have changed what the answer held). String values that are
 * JSON themselves (a slate's wire form writes props and children so) are parsed and searched in turn.
 */
export function holdsSecret(json: string, secrets: readonly string[]): boolean {
  const leaks = (text: string): boolean => secrets.some((secret) => text.includes(secret));
  if (leaks(json)) return true;
  const pending: unknown[] = [JSON.parse(json) as unknown];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (leaks(value)) return true;
      const nested = parsedJson(value);
      if (nested !== undefined) pending.push(nested);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (leaks(key)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/** The value a string holds as JSON text (an object, array or string), or undefined when it holds none. */
function parsedJson(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[' && first !== '"') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
