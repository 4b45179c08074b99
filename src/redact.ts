/** Shows a token's first few characters and its length, never the whole of it: for printouts. */
export function redactToken(token: string): string {
  return `${token.slice(0, 6)}…[redacted, ${token.length} chars]`;
}

/** Copies headers with credentials replaced by `[redacted]`, for events and logs. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    copy[key] = /^(authorization|cookie|x-api-key)$/i.test(key) ? `${value.split(' ')[0]} [redacted]` : value;
  }
  return copy;
}
