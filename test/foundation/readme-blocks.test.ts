import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../consumer/pack.js';

// The names README blocks take from the text around them; each block gets those it uses and does not declare.
const AMBIENT: Record<string, string> = {
  clientId: 'declare const clientId: string;',
  clientSecret: 'declare const clientSecret: string;',
  networkId: 'declare const networkId: string;',
  spaceId: 'declare const spaceId: string;',
  postId: 'declare const postId: string;',
  input: "declare const input: import('tribe-sdk/generated').CreatePostInput;",
  tribe: "declare const tribe: import('tribe-sdk').TribeClient;",
  handler: "declare const handler: import('tribe-sdk/webhooks').WebhookHandler;",
  memberId: 'declare const memberId: string;',
  postTypeId: 'declare const postTypeId: string;',
  photo: 'declare const photo: File;',
  pdfBytes: 'declare const pdfBytes: Uint8Array;',
  communityUrl: 'declare const communityUrl: string;',
  redirectUri: 'declare const redirectUri: string;',
  sdk: 'declare const sdk: { myThing(variables: { limit: number }): Promise<{ posts: { nodes: Array<{ id: string; title: string | null }> | null } }> };',
};

/** Whether the block declares or imports `name` itself. */
function declares(code: string, name: string): boolean {
  const patterns = [
    `(const|let|var)\\s+${name}\\b`,
    `(const|let|var)\\s+\\{[^}]*\\b${name}\\b[^}]*\\}\\s*=`,
    `function\\s+${name}\\b`,
    `import\\s+(type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}`,
    `import\\s+${name}\\s+from`,
  ];
  return patterns.some((pattern) => new RegExp(pattern).test(code));
}

/** The declarations a block needs: the names it uses but neither declares nor imports. */
function preludeFor(code: string): string {
  return Object.entries(AMBIENT)
    .filter(([name]) => new RegExp(`\\b${name}\\b`).test(code) && !declares(code, name))
    .map(([, declaration]) => declaration)
    .join('\n');
}

/** Every ```ts block of the README, with its index; the `// src/...` ones are run for real by test/app-project. */
async function readmeBlocks(): Promise<Array<{ index: number; code: string }>> {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => ({ index, code: match[1]! })).filter(({ code }) => !code.startsWith('// src/'));
}

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('the README', () => {
  it('has TypeScript blocks that each type-check against the packages as written', async () => {
    const blocks = await readmeBlocks();
    expect(blocks.length).toBeGreaterThan(10);
    // Inside the repository, so that the tsconfig paths map tribe-sdk and tribe-sdk-tools to their sources.
    const folder = await mkdtemp(join(REPO, 'test', '.readme-'));
    folders.push(folder);
    const files = await Promise.all(
      blocks.map(async ({ index, code }) => {
        const file = join(folder, `block-${index}.ts`);
        await writeFile(file, `${preludeFor(code)}\n${code}\nexport {};\n`);
        return file;
      }),
    );
    const config = ts.getParsedCommandLineOfConfigFile(join(REPO, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const program = ts.createProgram(files, { ...config.options, noUnusedLocals: false, types: ['node'] });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file && files.includes(diagnostic.file.fileName))
      .map((diagnostic) => `${diagnostic.file!.fileName.split('/').at(-1)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    expect(problems).toEqual([]);
  });
});
