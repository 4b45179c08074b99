/**
 * An answer that is not a success: an HTTP error status, or GraphQL errors. The error mapping turns
 * it into a TribeError; it never reaches the caller, so it may hold the answer's data as it came.
 */
export class ErrorAnswer extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly errors: unknown,
    readonly data: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}
