import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './temp-checkout.js';

const eslint = new ESLint({ cwd: repoRoot });

/** The rule IDs ESLint reports for `text` as if it were the file at `path` (nothing is written). */
async function ruleIdsFor(path: string, text: string): Promise<Array<string | null>> {
  const [result] = await eslint.lintText(text, { filePath: `${repoRoot}${path}` });
  return result!.messages.map((message) => message.ruleId).sort();
}

describe('eslint.config.js on operations/', () => {
  it('wants SDK operations named after their root field, with ids and no unexplained deprecated fields', async () => {
    const text = 'query getPost($id: ID!) {\n  post(id: $id) {\n    title\n    mappingFields {\n      key\n    }\n  }\n}\n';
    expect(await ruleIdsFor('operations/posts/lintProbe.graphql', text)).toEqual([
      '@graphql-eslint/no-deprecated',
      '@graphql-eslint/require-selections',
      'tribe/operation-named-after-root-field',
    ]);
  });

  it('validates against the schema snapshot', async () => {
    const text = 'query lintProbe {\n  network {\n    id\n    noSuchField\n  }\n}\n';
    expect(await ruleIdsFor('operations/custom/lintProbe.graphql', text)).toEqual(['@graphql-eslint/fields-on-correct-type']);
  });

  it('lets a deprecated field through only with a reason, and custom operations take any camelCase name', async () => {
    const field = (comment: string) =>
      `query lintProbe($id: ID!) {\n  post(id: $id) {\n    id\n    ${comment}\n    mappingFields {\n      key\n    }\n  }\n}\n`;
    const bare = field('# eslint-disable-next-line @graphql-eslint/no-deprecated');
    expect(await ruleIdsFor('operations/custom/lintProbe.graphql', bare)).toEqual(['tribe/deprecated-needs-reason']);
    const explained = field('# eslint-disable-next-line @graphql-eslint/no-deprecated -- the old API still fills only this');
    expect(await ruleIdsFor('operations/custom/lintProbe.graphql', explained)).toEqual([]);
  });
});
