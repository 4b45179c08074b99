import type { YogaServerOptions } from 'graphql-yoga';

/** Origins a page served from this machine has: `http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`. */
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Headers the SDK reads from an answer that a browser hides from scripts unless they are exposed. */
const EXPOSED_HEADERS = ['retry-after', 'x-quota-type', 'x-quota-duration', 'x-quota-limit', 'x-quota-remaining', 'x-quota-resets-at'];

/** Checks the extra origins given to the emulator: each must be an exact `scheme://host[:port]` origin. */
export function checkCorsOrigins(origins: readonly string[]): string[] {
  return origins.map((origin) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new Error(`tribe-sdk emulator: a CORS origin must be an http(s) origin such as http://localhost:3000, not ${JSON.stringify(origin)}`);
    }
    return origin;
  });
}

/**
 * Yoga's `cors` option for the emulator: a page from a loopback origin, or from one of `extraOrigins`,
 * may call it; any other origin gets no CORS headers at all, so a web page the developer happens to
 * visit cannot drive the local emulator. No origin is ever allowed to send credentials (cookies).
 */
export function emulatorCors(extraOrigins: readonly string[]): NonNullable<YogaServerOptions<object, object>['cors']> {
  const allowed = new Set(checkCorsOrigins(extraOrigins));
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !(LOOPBACK_ORIGIN.test(origin) || allowed.has(origin))) return false;
    return { origin: [origin], methods: ['POST', 'GET'], credentials: false, exposedHeaders: EXPOSED_HEADERS };
  };
}
