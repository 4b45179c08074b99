import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `tribe-sdk-source` makes package.json's `imports` (and the workspace packages' `exports`) resolve to the TypeScript sources.
  resolve: { conditions: ['tribe-sdk-source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['tribe-sdk-source', ...defaultServerConditions] } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/pack-dir.global.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Run graphql-inspector through Vite like our own code, so both share one copy of graphql
    // (otherwise it gets the CommonJS build and rejects our schemas as "from another realm").
    server: { deps: { inline: ['@graphql-inspector/core'] } },
  },
});
