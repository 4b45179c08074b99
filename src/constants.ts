/** The SDK's package name, sent in the user-agent header. */
export const SDK_NAME = 'tribe-sdk';

/** The SDK's version, kept equal to package.json's by a test. */
export const SDK_VERSION = '0.1.0';

/** The network API endpoint named in Tribe's API docs; the default. */
export const DEFAULT_ENDPOINT = 'https://app.tribe.so/graphql';

/** The Bettermode API endpoint for communities hosted in the US. */
export const BETTERMODE_US_ENDPOINT = 'https://api.bettermode.com';

/** The Bettermode API endpoint for communities hosted in the EU. */
export const BETTERMODE_EU_ENDPOINT = 'https://api.bettermode.de';

/** Retries after the first attempt, unless configured otherwise. */
export const DEFAULT_MAX_RETRIES = 2;

/** The longest single wait between two attempts, unless configured otherwise. */
export const DEFAULT_MAX_DELAY_MS = 30_000;

/** The first backoff step for 502, 503, 504 and network errors; it doubles per attempt, with jitter. */
export const DEFAULT_BASE_DELAY_MS = 200;

/** How long before a token's `exp` it is refreshed, unless configured otherwise. */
export const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/** Per-attempt timeout, unless configured otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;
