import { scrubUrlCredentials } from './redact.js';

/** How many tokens a scrubber remembers; older ones are forgotten first. */
const MAX_TOKENS = 256;
/** Credentials as they appear in an echoed header. */
const AUTH_VALUE = /\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/gi;
/** Anything shaped like a JWT. */
const JWT_SHAPE = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const REDACTED = '[redacted]';

/**
 * Scrubs the secrets one client knows (its client secret, its Basic value, the tokens it minted or
 * sent) from text it copies into an error: server messages and runtime messages alike, which may
 * echo a request header. Anything shaped like a credential is scrubbed as well.
 */
export class Scrubber {
  readonly #fixed: string[];
  readonly #tokens = new Set<string>();

  constructor(fixed: readonly string[] = []) {
    this.#fixed = fixed.filter((secret) => secret.length >= 4);
  }

  /** Remembers a token this client holds or has sent. */
  addToken(token: string): void {
    if (token.length < 4 || this.#tokens.has(token)) return;
    if (this.#tokens.size >= MAX_TOKENS) this.#tokens.delete(this.#tokens.values().next().value!);
    this.#tokens.add(token);
  }

  /** The text with every known secret and credential-shaped string replaced by `[redacted]`. */
  readonly scrub = (text: string): string => {
    let out = scrubUrlCredentials(text);
    for (const secret of [...this.#fixed, ...this.#tokens]) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out.replace(AUTH_VALUE, `$1 ${REDACTED}`).replace(JWT_SHAPE, REDACTED);
  };
}

/** A text cut to `max` characters, saying how much was left out. */
export function capText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}

/** How deep {@link sanitizeData} copies; deeper values are replaced. */
const MAX_DATA_DEPTH = 32;

/**
 * A copy of an answer's data that is safe to keep on an error: every token-bearing field
 * (accessToken, refreshToken, …) replaced, every string scrubbed, and nesting cut at a fixed depth,
 * so that printing the error can neither leak a secret nor overflow the stack.
 */
export function sanitizeData(data: unknown, scrub: (text: string) => string, depth = 0): unknown {
  if (typeof data === 'string') return scrub(data);
  if (typeof data !== 'object' || data === null) return data;
  if (depth >= MAX_DATA_DEPTH) return '[too deep]';
  if (Array.isArray(data)) return data.map((item) => sanitizeData(item, scrub, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    copy[key] = /token$/i.test(key) && typeof value === 'string' ? REDACTED : sanitizeData(value, scrub, depth + 1);
  }
  return copy;
}
