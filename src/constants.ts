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
