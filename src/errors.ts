/** Stable, machine-readable codes of the SDK's errors. */
export type TribeErrorCode =
  | 'TRIBE_CONFIG'
  | 'TRIBE_AUTH'
  | 'TRIBE_FORBIDDEN'
  | 'TRIBE_GRAPHQL'
  | 'TRIBE_NOT_FOUND'
  | 'TRIBE_RATE_LIMIT'
  | 'TRIBE_NETWORK'
  | 'TRIBE_RESPONSE_TOO_LARGE'
  | 'TRIBE_TIMEOUT'
  | 'TRIBE_ABORTED'
  | 'TRIBE_WEBHOOK'
  | 'TRIBE_SLATE';

/** One error object as the Tribe API reports it: `code` is a numeric string such as `"108"`. */
export interface TribeApiError {
  message: string;
  code?: string;
  subcode?: string;
  field?: string;
  help?: string;
  path?: ReadonlyArray<string | number>;
}

/** What every SDK error may tell besides its message; each class adds its own fields. */
export interface TribeErrorDetails {
  /** The HTTP status of the answer, when there was one. */
  status?: number | undefined;
  /** The GraphQL operation that failed, when known. */
  operationName?: string | undefined;
  /** The underlying error, e.g. the runtime's fetch failure; never the API's raw answer, which may hold a token. */
  cause?: unknown;
  /** The platform's error codes the answer carried, nested errors included (see `hasErrorCode`). */
  apiCodes?: readonly string[] | undefined;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** The base class of every error the SDK throws; `instanceof TribeError` catches them all. */
export abstract class TribeError extends Error {
  /** A stable code for programs to branch on. */
  abstract readonly code: TribeErrorCode;
  /** The HTTP status of the answer, when there was one. */
  readonly status: number | undefined;
  /** The GraphQL operation that failed, when known. */
  readonly operationName: string | undefined;
  /** The platform's numeric error codes the answer carried, as strings (empty when none came). */
  readonly apiCodes: readonly string[];

  constructor(message: string, details: TribeErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.operationName = details.operationName;
    this.apiCodes = details.apiCodes ?? [];
  }

  /** A plain, secret-free view used by `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const view: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && key !== 'cause' && !(key === 'apiCodes' && this.apiCodes.length === 0)) view[key] = value;
    }
    return view;
  }

  /** Keeps `util.inspect` to the same secret-free view plus the stack. */
  [inspectSymbol](): string {
    return `${this.stack ?? this.message}\n${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

/** Bad options or input, raised before any request is sent. */
export class TribeConfigError extends TribeError {
  /** Always `TRIBE_CONFIG`. */
  readonly code = 'TRIBE_CONFIG';
}

/** Wrong client credentials, or an access token the API does not accept (HTTP 401 or code 108). */
export class TribeAuthError extends TribeError {
  /** Always `TRIBE_AUTH`. */
  readonly code = 'TRIBE_AUTH';
}

/** Details of a {@link TribeForbiddenError}. */
export interface TribeForbiddenDetails extends TribeErrorDetails {
  networkId?: string | undefined;
  errors?: readonly TribeApiError[];
  errorCount?: number;
}

/** The API refused the action (HTTP 403 or code 102). */
export class TribeForbiddenError extends TribeError {
  /** Always `TRIBE_FORBIDDEN`. */
  readonly code = 'TRIBE_FORBIDDEN';
  /** The network the refused request was for. */
  readonly networkId: string | undefined;
  /** The errors as the API sent them, which tell what was refused (the first 50). */
  readonly errors: readonly TribeApiError[];
  /** How many errors the API sent, kept or not. */
  readonly errorCount: number;

  constructor(message: string, details: TribeForbiddenDetails = {}) {
    super(message, details);
    this.networkId = details.networkId;
    this.errors = details.errors ?? [];
    this.errorCount = details.errorCount ?? this.errors.length;
  }
}

/** Details of a {@link TribeGraphQLError}. */
export interface TribeGraphQLDetails extends TribeErrorDetails {
  errors?: readonly TribeApiError[];
  errorCount?: number;
  data?: unknown;
}

/** The API answered with GraphQL errors; keeps them, their codes and any partial data. */
export class TribeGraphQLError extends TribeError {
  /** `TRIBE_GRAPHQL`, or `TRIBE_NOT_FOUND` for {@link TribeNotFoundError}. */
  readonly code: 'TRIBE_GRAPHQL' | 'TRIBE_NOT_FOUND' = 'TRIBE_GRAPHQL';
  /** The errors as the API sent them, nested ones flattened (the first 50). */
  readonly errors: readonly TribeApiError[];
  /** How many errors the API sent, kept or not. */
  readonly errorCount: number;
  /** Whatever data came with the errors. */
  readonly data: unknown;

  constructor(message: string, details: TribeGraphQLDetails = {}) {
    super(message, details);
    this.errors = details.errors ?? [];
    this.errorCount = details.errorCount ?? this.errors.length;
    this.data = details.data;
  }

  /** The Tribe codes of all errors, e.g. `["110"]`. */
  get codes(): string[] {
    return this.errors.flatMap((error) => (error.code === undefined ? [] : [error.code]));
  }
}

/** The requested object does not exist (code 110). */
export class TribeNotFoundError extends TribeGraphQLError {
  /** Always `TRIBE_NOT_FOUND`. */
  override readonly code = 'TRIBE_NOT_FOUND';
}

/** Details of a {@link TribeRateLimitError}. */
export interface TribeRateLimitDetails extends TribeErrorDetails {
  retryAfter?: number | undefined;
  quota?: Readonly<Record<string, string>>;
}

/** The API's rate limit was hit and retries ran out (HTTP 429 or code 104). */
export class TribeRateLimitError extends TribeError {
  /** Always `TRIBE_RATE_LIMIT`. */
  readonly code = 'TRIBE_RATE_LIMIT';
  /** Seconds to wait before trying again, from `Retry-After`, when given. */
  readonly retryAfter: number | undefined;
  /** The `X-Quota-*` headers of the answer, lower-cased, when given. */
  readonly quota: Readonly<Record<string, string>>;

  constructor(message: string, details: TribeRateLimitDetails = {}) {
    super(message, details);
    this.retryAfter = details.retryAfter;
    this.quota = details.quota ?? {};
  }
}

/** The exchange or the answer failed: no connection, a dropped one, an unreadable answer, or a 5xx, after retries. */
export class TribeNetworkError extends TribeError {
  /** Always `TRIBE_NETWORK`. */
  readonly code = 'TRIBE_NETWORK';
}

/** Details of a {@link TribeResponseTooLargeError}. */
export interface TribeResponseTooLargeDetails extends TribeErrorDetails {
  maxResponseBytes: number;
}

/** The answer was larger than `maxResponseBytes`, on the wire or once decompressed; reading stopped there. Not retried. */
export class TribeResponseTooLargeError extends TribeError {
  /** Always `TRIBE_RESPONSE_TOO_LARGE`. */
  readonly code = 'TRIBE_RESPONSE_TOO_LARGE';
  /** The limit that was passed. */
  readonly maxResponseBytes: number;

  constructor(message: string, details: TribeResponseTooLargeDetails) {
    super(message, details);
    this.maxResponseBytes = details.maxResponseBytes;
  }
}

/** Details of a {@link TribeTimeoutError}. */
export interface TribeTimeoutDetails extends TribeErrorDetails {
  timeoutMs: number;
}

/** An attempt took longer than `timeoutMs`. */
export class TribeTimeoutError extends TribeError {
  /** Always `TRIBE_TIMEOUT`. */
  readonly code = 'TRIBE_TIMEOUT';
  /** The timeout that ran out. */
  readonly timeoutMs: number;

  constructor(message: string, details: TribeTimeoutDetails) {
    super(message, details);
    this.timeoutMs = details.timeoutMs;
  }
}

/** The caller aborted the call through its AbortSignal, or closed the client. */
export class TribeAbortError extends TribeError {
  /** Always `TRIBE_ABORTED`. */
  readonly code = 'TRIBE_ABORTED';
}
