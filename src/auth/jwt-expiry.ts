/** Decodes one base64url segment to text, or returns undefined when it is not valid. */
function decodeBase64Url(segment: string): string | undefined {
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * Reads the `exp` claim of a JWT as epoch milliseconds. Returns undefined for anything that is not a
 * JWT with a numeric `exp`; it never throws, so a malformed token can't leak into an error message.
 */
export function readJwtExpiry(token: string): number | undefined {
  if (typeof token !== 'string') return undefined;
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  const text = decodeBase64Url(payload);
  if (text === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(text);
    const exp = (claims as { exp?: unknown } | null)?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
