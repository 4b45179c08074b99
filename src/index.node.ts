/** tribe-sdk under the `node` export condition: the same API (sending through undici by default, chosen in package.json's `imports`). */
export * from './index.js';
