import { defaultServerConditions } from 'vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // `tribe-sdk-source` makes package.json's `imports` (and the workspace packages' `exports`) resolve to the TypeScript sources.
  resolve: {
    conditions: ['tribe-sdk-source', ...defaultServerConditions],
    // The dev tools import the SDK by name; from source that is this repository (tsconfig.json's paths say the same).
    alias: [
      { find: /^tribe-sdk$/, replacement: source('src/index.ts') },
      { find: /^tribe-sdk\/webhooks$/, replacement: source('src/webhooks/index.ts') },
      { find: /^tribe-sdk\/slate$/, replacement: source('src/slate/index.ts') },
      { find: /^tribe-sdk\/redis$/, replacement: source('src/redis/index.ts') },
      { find: /^tribe-sdk\/rate-limit$/, replacement: source('src/rate-limit-store/index.ts') },
      { find: /^tribe-sdk\/generated$/, replacement: source('generated/sdk.ts') },
    ],
  },
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
