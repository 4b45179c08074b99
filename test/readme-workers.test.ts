import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
// Under node_modules so that the snippets resolve `redis` and the like as an app's files would.
const DIR = `${REPO}node_modules/.cache/readme-workers`;

/** The TypeScript blocks of one README section. */
function snippets(section: string): string[] {
  const readme = readFileSync(`${REPO}README.md`, 'utf8');
  const start = readme.indexOf(`\n## ${section}\n`);
  const end = readme.indexOf('\n## ', start + 1);
  return [...readme.slice(start, end).matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe('README: Running many workers', () => {
  it('every TypeScript snippet type-checks against the source', async () => {
    const blocks = snippets('Running many workers');
    expect(blocks.length).toBeGreaterThan(0);
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    blocks.forEach((block, index) => writeFileSync(`${DIR}/snippet-${index}.ts`, `${block}\nexport {};\n`));
    writeFileSync(`${DIR}/tsconfig.json`, JSON.stringify({ extends: `${REPO}examples/tsconfig.json`, include: ['.'] }));
    const output = await new Promise<string>((resolve) => {
      execFile(`${REPO}node_modules/.bin/tsc`, ['-p', `${DIR}/tsconfig.json`, '--noEmit'], { cwd: REPO }, (_, stdout, stderr) => resolve(stdout + stderr));
    });
    expect(output).toBe('');
  }, 60_000);
});
