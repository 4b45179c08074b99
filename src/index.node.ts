/** tribe-sdk on Node (the `node` export condition): the same API, sending through undici by default. */
export * from './index.js';
export { createTokenRequest, createTribeClient, createTribeSdk, mintAccessToken } from './node/node-client.js';
export { MAX_SAME_ORIGIN_REDIRECTS } from './node/undici-exchange.js';
