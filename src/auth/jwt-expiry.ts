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

/** The latest `exp` taken at its word: the end of year 9999. A later one (1e306, say) means "no expiry known". */
const LATEST_EXP_SECONDS = 253_402_300_799;

/**
 * Reads the `exp` claim of a JWT as epoch milliseconds. Returns undefined for anything that is not a
 * JWT with a plausible numeric `exp` (positive, before year 10000); it never throws, so a malformed
 * token can't leak into an error message.
 */
export function readJwtExpiry(token: string): number | undefined {
  const exp = readJwtClaims(token)?.exp;
  return typeof exp === 'number' && exp > 0 && exp <= LATEST_EXP_SECONDS ? exp * 1000 : undefined;
}

/** The claims of a JWT, unverified (for reading what a token says about itself); undefined when it is not one. Never throws. */
export function readJwtClaims(token: string): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  const text = decodeBase64Url(payload);
  if (text === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(text);
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
