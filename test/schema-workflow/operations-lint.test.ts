import { relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './temp-checkout.js';

// `npm test` lints too; this pins that every shipped operation passes the repo's eslint.config.js.
describe('eslint on operations/**/*.graphql', () => {
  it('reports no errors', async () => {
    const results = await new ESLint({ cwd: repoRoot }).lintFiles(['operations/**/*.graphql']);
    expect(results.length).toBeGreaterThanOrEqual(30);
    const errors = results.flatMap((result) =>
      result.messages
        .filter((message) => message.severity === 2)
        .map((message) => `${relative(repoRoot, result.filePath)}:${message.line} ${message.ruleId ?? 'parse'}: ${message.message}`),
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
