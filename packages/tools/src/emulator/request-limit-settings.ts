// Kept apart from the plugin so that the emulator's public types load no GraphQL server typings.

/** What one request may ask of the emulator, so that no single request can take its memory or time. */
export interface EmulatorRequestLimits {
  /** The largest request body, in bytes; a larger declared Content-Length is refused before reading (default 1 MiB). */
  maxBodyBytes: number;
  /** Aliased fields per operation, counted through fragments (default 100). */
  maxAliases: number;
  /** Field selections per operation, counted through fragments (default 5000). */
  maxFields: number;
  /** `__schema` selections per operation: one full introspection is already the largest answer there is (default 1). */
  maxIntrospections: number;
  /** The operation's complexity by Tribe's documented formula (default 50000; Tribe advises 1000). */
  maxComplexity: number;
}

/** The limits unless configured otherwise. */
export const DEFAULT_REQUEST_LIMITS: EmulatorRequestLimits = {
  maxBodyBytes: 1024 * 1024,
  maxAliases: 100,
  maxFields: 5_000,
  maxIntrospections: 1,
  maxComplexity: 50_000,
};
