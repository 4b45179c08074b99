/** Stable, machine-readable codes of the SDK's errors. */
export type TribeErrorCode =
  | 'TRIBE_CONFIG'
  | 'TRIBE_AUTH'
  | 'TRIBE_FORBIDDEN'
  | 'TRIBE_GRAPHQL'
  | 'TRIBE_NOT_FOUND'
  | 'TRIBE_RATE_LIMIT'
  | 'TRIBE_NETWORK'
  | 'TRIBE_TIMEOUT'
  | 'TRIBE_ABORTED';

/** One error object as the Tribe API reports it: `code` is a numeric string such as `"108"`. */
export interface TribeApiError {
  message: string;
  code?: string;
  subcode?: string;
  field?: string;
  help?: string;
  path?: ReadonlyArray<string | number>;
}

/** What every SDK error may tell besides its message. */
export interface TribeErrorDetails {
  /** The HTTP status of the answer, when there was one. */
  status?: number;
  /** The GraphQL operation that failed, when known. */
  operationName?: string;
  /** The underlying error, e.g. the runtime's fetch failure; never the API's raw answer, which may hold a token. */
  cause?: unknown;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** The base class of every error the SDK throws; `instanceof TribeError` catches them all. */
export class TribeError extends Error {
  /** A stable code for programs to branch on. */
  readonly code: TribeErrorCode;
  /** The HTTP status of the answer, when there was one. */
  readonly status: number | undefined;
  /** The GraphQL operation that failed, when known. */
  readonly operationName: string | undefined;

  constructor(code: TribeErrorCode, message: string, details: TribeErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = details.status;
    this.operationName = details.operationName;
  }

  /** A plain, secret-free view used by `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const view: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && key !== 'cause') view[key] = value;
    }
    return view;
  }

  /** Keeps `util.inspect` to the same secret-free view plus the stack. */
  [inspectSymbol](): string {
    return `${this.stack ?? this.message}\n${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

/** Bad options, raised before any request is sent. */
export class TribeConfigError extends TribeError {
  constructor(message: string) {
    super('TRIBE_CONFIG', message);
  }
}

/** Wrong client credentials, or an access token the API does not accept (HTTP 401 or code 108). */
export class TribeAuthError extends TribeError {
  constructor(message: string, details?: TribeErrorDetails) {
    super('TRIBE_AUTH', message, details);
  }
}

/** The API refused the action (HTTP 403 or code 102). */
export class TribeForbiddenError extends TribeError {
  /** The network the refused request was for. */
  readonly networkId: string | undefined;
  /** The errors as the API sent them, which tell what was refused. */
  readonly errors: readonly TribeApiError[];

  constructor(message: string, networkId: string | undefined, details?: TribeErrorDetails, errors: readonly TribeApiError[] = []) {
    super('TRIBE_FORBIDDEN', message, details);
    this.networkId = networkId;
    this.errors = errors;
  }
}

/** The API answered with GraphQL errors; keeps them, their codes and any partial data. */
export class TribeGraphQLError extends TribeError {
  /** The errors as the API sent them, nested ones flattened. */
  readonly errors: readonly TribeApiError[];
  /** Whatever data came with the errors. */
  readonly data: unknown;

  constructor(message: string, errors: readonly TribeApiError[], data: unknown, details?: TribeErrorDetails) {
    super(new.target === TribeGraphQLError ? 'TRIBE_GRAPHQL' : 'TRIBE_NOT_FOUND', message, details);
    this.errors = errors;
    this.data = data;
  }

  /** The Tribe codes of all errors, e.g. `["110"]`. */
  get codes(): string[] {
    return this.errors.flatMap((error) => (error.code === undefined ? [] : [error.code]));
  }
}

/** The requested object does not exist (code 110). */
export class TribeNotFoundError extends TribeGraphQLError {}

/** The API's rate limit was hit and retries ran out (HTTP 429 or code 104). */
export class TribeRateLimitError extends TribeError {
  /** Seconds to wait before trying again, from `Retry-After`, when given. */
  readonly retryAfter: number | undefined;
  /** The `X-Quota-*` headers of the answer, lower-cased, when given. */
  readonly quota: Readonly<Record<string, string>>;

  constructor(message: string, retryAfter: number | undefined, quota: Record<string, string>, details?: TribeErrorDetails) {
    super('TRIBE_RATE_LIMIT', message, details);
    this.retryAfter = retryAfter;
    this.quota = quota;
  }
}

/** The request failed below GraphQL: no connection, a dropped one, or a 5xx answer, after retries. */
export class TribeNetworkError extends TribeError {
  constructor(message: string, details?: TribeErrorDetails) {
    super('TRIBE_NETWORK', message, details);
  }
}

/** An attempt took longer than `timeoutMs`. */
export class TribeTimeoutError extends TribeError {
  /** The timeout that ran out. */
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, details?: TribeErrorDetails) {
    super('TRIBE_TIMEOUT', message, details);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted the request through its AbortSignal. */
export class TribeAbortError extends TribeError {
  constructor(message: string, details?: TribeErrorDetails) {
    super('TRIBE_ABORTED', message, details);
  }
}
