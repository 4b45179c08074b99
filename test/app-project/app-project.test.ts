import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { packedTarballs } from '../support/packed-sdk.js';
import { expectSuccess, run } from '../consumer/pack.js';
import { appEnv, codegenTypeCheckAndRun, devDependencyPins } from './app-steps.js';

// An app developer's own project, as the README's quick start makes it (its code blocks, as written): both packages from their
// tarballs, the codegen devDependencies from the registry, `tribe-sdk init`, their own operations.
const emulator = useEmulator();
let project = '';

const bin = (name: string) => join(project, 'node_modules', '.bin', name);
const env = () => appEnv();

beforeAll(async () => {
  const { sdk, tools } = await packedTarballs();
  project = await mkdtemp(join(tmpdir(), 'tribe-sdk-app-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'my-tribe-app', private: true, type: 'module' }, null, 2));
  const codegen = await devDependencyPins(
    /^@graphql-codegen\/(cli|client-preset|typescript-graphql-request|typescript-operations)$|^typescript$|^@types\/node$/,
  );
  expectSuccess('npm install', await run('npm', ['install', sdk, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, timeoutMs: 240_000 }));
  expectSuccess(
    'npm install -D',
    await run('npm', ['install', '--save-dev', tools, ...codegen, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, timeoutMs: 300_000 }),
  );
}, 600_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('an app project', { timeout: 240_000 }, () => {
  it('gets set up by tribe-sdk init, twice without harm, and regenerates, type-checks and runs against the emulator', async () => {
    const first = expectSuccess('tribe-sdk init', await run(bin('tribe-sdk'), ['init'], { cwd: project, env: env() }));
    expect(first.stdout).toContain('wrote   ');
    expect(first.stdout).toMatch(/Next: npm install --save-dev tribe-sdk-tools@\d/);
    const again = expectSuccess('tribe-sdk init again', await run(bin('tribe-sdk'), ['init'], { cwd: project, env: env() }));
    expect(again.stdout).toContain('kept    ');
    expect(again.stdout).not.toContain('wrote   ');
    const scripts = (JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['codegen', 'schema:pull', 'schema:check']));

    await codegenTypeCheckAndRun(project, emulator.current);
  });

  it('reports a pulled schema that drops a selected field, naming the app operation; --fail-on-breaking keeps the old snapshot', async () => {
    const shipped = await readFile(join(project, 'node_modules/tribe-sdk-tools/schema/tribe.graphql'), 'utf8');
    const postType = /\ntype Post implements [^{]*\{\n[\s\S]*?\n\}/.exec(shipped)?.[0] ?? /\ntype Post \{\n[\s\S]*?\n\}/.exec(shipped)![0];
    const changed = shipped.replace(postType, postType.replace(/\n {2}title: String\n/, '\n'));
    expect(changed).not.toBe(shipped);
    await writeFile(join(project, 'changed.graphql'), changed);
    const refused = await run(bin('tribe-sdk'), ['schema', 'pull', '--from', 'changed.graphql', '--fail-on-breaking'], { cwd: project, env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('removed Post.title');
    expect(refused.stdout).toMatch(/hits src\/operations\/posts\.graphql: query recentPosts/);
    expect(existsSync(join(project, 'schema/tribe.graphql'))).toBe(false);
    const pulled = expectSuccess('schema pull', await run(bin('tribe-sdk'), ['schema', 'pull', '--from', 'changed.graphql'], { cwd: project, env: env() }));
    expect(pulled.stderr).toContain('schema/tribe.graphql');
    expect(existsSync(join(project, 'schema/tribe.graphql'))).toBe(true);
    const validate = await run(bin('tribe-sdk'), ['schema', 'validate'], { cwd: project, env: env() });
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('src/operations/posts.graphql: operation "recentPosts": Cannot query field "title" on type "Post".');
  });
});
