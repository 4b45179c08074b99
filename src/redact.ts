/** Shows a token's first few characters and its length, never the whole of it: for printouts. */
export function redactToken(token: string): string {
  return `${token.slice(0, 6)}…[redacted, ${token.length} chars]`;
}

const AUTH_HEADER = /^(proxy-)?authorization$/i;
const SECRET_HEADER = /^(set-)?cookie$|api[-_]?key|token|secret|session/i;

/**
 * Copies headers with credentials replaced by `[redacted]`, for events and logs. Authorization
 * headers keep their scheme word (`Bearer [redacted]`) so a log still tells which auth was sent.
 */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (AUTH_HEADER.test(key)) {
      const scheme = value.includes(' ') ? value.slice(0, value.indexOf(' ')) : '';
      copy[key] = scheme ? `${scheme} [redacted]` : '[redacted]';
    } else {
      copy[key] = SECRET_HEADER.test(key) ? '[redacted]' : value;
    }
  }
  return copy;
}

/** Removes credentials written into URLs (`https://id:secret@host`) from a text, e.g. an error message. */
export function scrubUrlCredentials(text: string): string {
  return text.replace(/\/\/[^/\s@]*@/g, '//[redacted]@');
}
