/** How many 307/308 redirects to the same origin are followed before the redirect is the answer. */
export const MAX_SAME_ORIGIN_REDIRECTS = 3;

/**
 * The one redirect rule of every transport: follow a 307 or 308 to the same origin, at most
 * {@link MAX_SAME_ORIGIN_REDIRECTS} times, re-sending the same POST. Returns the target to follow, or
 * undefined when the answer stands as it is (and becomes an error), so nothing the SDK sends, a token
 * or a custom header, ever reaches another origin.
 */
export function redirectTarget(status: number, location: unknown, from: string, redirects: number): string | undefined {
  if ((status !== 307 && status !== 308) || typeof location !== 'string' || redirects >= MAX_SAME_ORIGIN_REDIRECTS) return undefined;
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return undefined;
  }
  return target.origin === new URL(from).origin ? target.href : undefined;
}
