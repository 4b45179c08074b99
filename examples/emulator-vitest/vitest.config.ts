import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// In your project this file needs no aliases: "tribe-sdk" resolves to the installed package.
// Inside this repository they point the example at the SDK's source, and the `tribe-sdk-source`
// condition resolves the SDK's own `imports` to its source as well.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: source('.'),
  ssr: { resolve: { conditions: ['tribe-sdk-source', ...defaultServerConditions] } },
  resolve: {
    conditions: ['tribe-sdk-source', ...defaultServerConditions],
    alias: [
      { find: /^tribe-sdk$/, replacement: source('../../src/index.ts') },
      { find: /^tribe-sdk\/webhooks$/, replacement: source('../../src/webhooks/index.ts') },
      { find: /^tribe-sdk\/slate$/, replacement: source('../../src/slate/index.ts') },
      { find: /^tribe-sdk-tools\/emulator$/, replacement: source('../../packages/tools/src/emulator/index.ts') },
    ],
  },
  test: {
    include: ['*.test.ts'],
  },
});
