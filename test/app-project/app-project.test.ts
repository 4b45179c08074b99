import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { packedTarballs } from '../support/packed-sdk.js';
import { expectSuccess, REPO, run } from '../consumer/pack.js';

// An app developer's own project, as the README's quick start makes it (its code blocks, as written): both packages from their
// tarballs, the codegen devDependencies from the registry, `tribe-sdk init`, their own operations.
const emulator = useEmulator();
let project = '';

/** The README's code block that starts with `// <path>`, as written there. */
async function readmeBlock(path: string): Promise<string> {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.startsWith(`// ${path}\n`));
  if (block === undefined) throw new Error(`README.md has no ts block starting with // ${path}`);
  return block;
}

const POSTS_GRAPHQL = `query recentPosts($limit: Int!) {
  posts(limit: $limit) {
    nodes {
      id
      title
    }
  }
}
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'dist', skipLibCheck: true, types: ['node'] },
  include: ['src'],
});

const bin = (name: string) => join(project, 'node_modules', '.bin', name);
const env = () => ({ PATH: process.env.PATH, HOME: process.env.HOME });

beforeAll(async () => {
  const { sdk, tools } = await packedTarballs();
  project = await mkdtemp(join(tmpdir(), 'tribe-sdk-app-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'my-tribe-app', private: true, type: 'module' }, null, 2));
  const codegen = Object.entries(JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')).devDependencies as Record<string, string>)
    .filter(([name]) => /^@graphql-codegen\/(cli|client-preset|typescript-graphql-request|typescript-operations)$|^typescript$|^@types\/node$/.test(name))
    .map(([name, version]) => `${name}@${version}`);
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
    // Both packages and the codegen ones came from tarballs and the registry already: nothing left to install.
    expect(first.stdout).toContain('Next: npm run codegen');
    expect(first.stdout).not.toContain('npm install');
    const again = expectSuccess('tribe-sdk init --install again', await run(bin('tribe-sdk'), ['init', '--install'], { cwd: project, env: env() }));
    expect(again.stdout).not.toContain('npm install');
    expect(again.stdout).toContain('kept    ');
    expect(again.stdout).not.toContain('wrote   ');
    const scripts = (JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['codegen', 'schema:pull', 'schema:check']));

    await writeFile(join(project, 'src/queries.ts'), await readmeBlock('src/queries.ts'));
    await writeFile(join(project, 'src/main.ts'), await readmeBlock('src/main.ts'));
    await writeFile(join(project, 'src/operations/posts.graphql'), POSTS_GRAPHQL);
    await writeFile(join(project, 'tsconfig.json'), TSCONFIG);
    const codegen = expectSuccess('npm run codegen', await run('npm', ['run', 'codegen'], { cwd: project, env: env(), timeoutMs: 120_000 }));
    expect(codegen.stdout).toMatch(/3 operation\(s\) and 0 fragment\(s\) in 3 file\(s\) are valid/);
    expect(existsSync(join(project, 'src/graphql/sdk.ts'))).toBe(true);
    expect(existsSync(join(project, 'src/graphql/client/index.ts'))).toBe(true);

    const tsc = await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: project, env: env(), timeoutMs: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    const e = emulator.current;
    const ran = expectSuccess(
      'node dist/main.js',
      await run(process.execPath, ['dist/main.js'], {
        cwd: project,
        env: { ...env(), TRIBE_CLIENT_ID: e.clientId, TRIBE_CLIENT_SECRET: e.clientSecret, TRIBE_NETWORK_ID: e.networkId, TRIBE_API_URL: e.url },
      }),
    );
    const spaceNames = e.store.data.spaces.map((space) => `'${space.name}'`);
    expect(ran.stdout).toContain(e.store.data.network.name);
    expect(spaceNames.some((name) => ran.stdout.includes(name))).toBe(true);
    expect(e.requestCount('appNetwork')).toBe(1);
    expect(e.requestCount('spaceNames')).toBe(1);
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
