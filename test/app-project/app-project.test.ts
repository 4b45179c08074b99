import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { spawn } from 'node:child_process';
import { createTribeClient } from 'tribe-sdk';
import { startOwnEmulator, useEmulator } from '../support/emulator.js';
import { freePort } from '../support/free-port.js';
import { codeBlocks, readmeSection } from '../support/readme.js';
import { startLanguageServer } from '../support/language-server.js';
import { redisAvailable, useRedis } from '../support/redis.js';
import { packedTarballs } from '../support/packed-sdk.js';
import { expectSuccess, REPO, run } from '../consumer/pack.js';
import { TYPED_REQUEST_TS } from './app-steps.js';

// An app developer's own project, as the README's quick start makes it (its code blocks, as written): both packages from their
// tarballs, the codegen devDependencies from the registry, `tribe-sdk init`, their own operations.
const emulator = useEmulator();
let project = '';

/** The ts block of the README section under `heading` that starts with `first`, as printed there. */
async function readmeBlock(heading: string, first: string): Promise<string> {
  const block = codeBlocks(await readmeSection(heading), 'ts').find(({ code }) => code.startsWith(first));
  if (block === undefined) throw new Error(`README.md's "${heading}" has no ts block starting with ${first}`);
  return block.code;
}

/** The variables a README section names for the reader: in its prose and its sh blocks, not inside its ts code. */
async function variablesNamed(heading: string): Promise<string[]> {
  const prose = (await readmeSection(heading)).replace(/^```ts\n[\s\S]*?^```$/gm, '');
  return [...new Set([...prose.matchAll(/\b(TRIBE_[A-Z_]+|REDIS_URL|PORT)\b/g)].map((match) => match[1]!))].sort();
}

/** The variables a program reads as `process.env.NAME`. */
function variablesRead(code: string): string[] {
  return [...new Set([...code.matchAll(/process\.env\.([A-Z_]+)/g)].map((match) => match[1]!))].sort();
}

/** The emulator's values for every variable the README names; a test passes only those a section names. */
function emulatorVariables(e: { url: string; clientId: string; clientSecret: string; networkId: string }): Record<string, string> {
  return { TRIBE_API_URL: e.url, TRIBE_CLIENT_ID: e.clientId, TRIBE_CLIENT_SECRET: e.clientSecret, TRIBE_NETWORK_ID: e.networkId };
}

/** Only the variables of `values` that `names` holds, beside PATH and HOME. */
function envOf(names: readonly string[], values: Record<string, string>): Record<string, string | undefined> {
  return { ...env(), ...Object.fromEntries(names.filter((name) => values[name] !== undefined).map((name) => [name, values[name]])) };
}

const QUICK_START_OWN = 'Quick start in your own project';

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

const redis = useRedis();

/** Resolves once something accepts connections on `port` (bounded: 60 s, then fails with what the app printed). */
async function listening(port: number, printed: () => string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(socket.destroy() !== undefined));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
  }
  throw new Error(`the webhook app did not listen on ${port}: ${printed()}`);
}

const bin = (name: string) => join(project, 'node_modules', '.bin', name);
const env = () => ({ PATH: process.env.PATH, HOME: process.env.HOME });

beforeAll(async () => {
  const { sdk, tools } = await packedTarballs();
  project = await mkdtemp(join(tmpdir(), 'tribe-sdk-app-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'my-tribe-app', private: true, type: 'module' }, null, 2));
  const codegen = Object.entries(JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')).devDependencies as Record<string, string>)
    .filter(([name]) =>
      /^@graphql-codegen\/(cli|client-preset|typescript-graphql-request|typescript-operations)$|^typescript$|^tsx$|^@types\/node$|^redis$|^rate-limiter-flexible$/.test(
        name,
      ),
    )
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
    const first = expectSuccess('tribe-sdk init --install', await run(bin('tribe-sdk'), ['init', '--install'], { cwd: project, env: env() }));
    expect(first.stdout).toContain('wrote   ');
    // Both packages came from tarballs: --install adds only the codegen packages package.json lacks, never the tools by name.
    const listed = (JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;
    expect(listed['tribe-sdk-tools']).toMatch(/^file:/);
    expect(Object.keys(listed)).toEqual(
      expect.arrayContaining([
        '@graphql-codegen/cli',
        '@graphql-codegen/client-preset',
        '@graphql-codegen/typescript-graphql-request',
        '@graphql-codegen/typescript-operations',
      ]),
    );
    const again = expectSuccess('tribe-sdk init again', await run(bin('tribe-sdk'), ['init'], { cwd: project, env: env() }));
    expect(again.stdout).toContain('tribe-sdk-tools and the codegen packages are in package.json already.\nNext: npm run codegen');
    expect(again.stdout).not.toContain('npm install');
    expect(again.stdout).toContain('kept    ');
    expect(again.stdout).not.toContain('wrote   ');
    const scripts = (JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['codegen', 'schema:pull', 'schema:check']));

    await writeFile(join(project, 'src/queries.ts'), await readmeBlock(QUICK_START_OWN, '// src/queries.ts'));
    await writeFile(join(project, 'src/main.ts'), await readmeBlock(QUICK_START_OWN, '// src/main.ts'));
    await writeFile(join(project, 'src/operations/posts.graphql'), POSTS_GRAPHQL);
    await writeFile(join(project, 'src/typed-request.ts'), TYPED_REQUEST_TS);
    await writeFile(join(project, 'tsconfig.json'), TSCONFIG);
    const codegen = expectSuccess('npm run codegen', await run('npm', ['run', 'codegen'], { cwd: project, env: env(), timeoutMs: 120_000 }));
    expect(codegen.stdout).toMatch(/3 operation\(s\) and 0 fragment\(s\) in 3 file\(s\) are valid/);
    expect(existsSync(join(project, 'src/graphql/sdk.ts'))).toBe(true);
    expect(existsSync(join(project, 'src/graphql/client/index.ts'))).toBe(true);

    const tsc = await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: project, env: env(), timeoutMs: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    const e = emulator.current;
    // The variables of the README's export line, with the emulator's values; the program reads no other.
    const exported = codeBlocks(await readmeSection(QUICK_START_OWN), 'sh')
      .flatMap(({ code }) => code.split('\n'))
      .find((line) => line.startsWith('export '))!;
    const names = [...exported.matchAll(/(TRIBE_[A-Z_]+)=/g)].map((match) => match[1]!).sort();
    expect(names).toEqual(['TRIBE_API_URL', 'TRIBE_CLIENT_ID', 'TRIBE_CLIENT_SECRET', 'TRIBE_NETWORK_ID']);
    expect(exported).toContain(`TRIBE_CLIENT_ID=${e.clientId} TRIBE_CLIENT_SECRET=${e.clientSecret} TRIBE_NETWORK_ID=${e.networkId}`);
    expect(names).toEqual(expect.arrayContaining(variablesRead(await readFile(join(project, 'src/main.ts'), 'utf8'))));
    const ran = expectSuccess('npx tsx src/main.ts', await run(bin('tsx'), ['src/main.ts'], { cwd: project, env: envOf(names, emulatorVariables(e)) }));
    const spaceNames = e.store.data.spaces.map((space) => `'${space.name}'`);
    expect(ran.stdout).toContain(e.store.data.network.name);
    expect(spaceNames.some((name) => ran.stdout.includes(name))).toBe(true);
    expect(e.requestCount('appNetwork')).toBe(1);
    expect(e.requestCount('spaceNames')).toBe(1);
  });

  it("runs the README's Quick start block as printed, with the variables it names", async () => {
    const code = codeBlocks(await readmeSection('Quick start'), 'ts')[0]!.code;
    const named = await variablesNamed('Quick start');
    expect(named).toEqual(expect.arrayContaining(variablesRead(code)));
    await writeFile(join(project, 'src/quick-start.ts'), code);
    const e = emulator.current;
    const ran = expectSuccess(
      'npx tsx src/quick-start.ts',
      await run(bin('tsx'), ['src/quick-start.ts'], { cwd: project, env: envOf(named, emulatorVariables(e)) }),
    );
    const titles = e.store.data.posts.filter((post) => !post.repliedToId).map((post) => post.title);
    expect(titles.some((title) => title !== null && ran.stdout.includes(title))).toBe(true);
  });

  it("runs the README's Receiving webhooks handler on its node:http block as printed: the emulator's post.published gets the reply", async () => {
    const section = codeBlocks(await readmeSection('Receiving webhooks'), 'ts');
    const handler = section.find(({ code }) => code.startsWith('import { createWebhookHandler'))!.code;
    const server = section.find(({ code }) => code.startsWith('// node:http'))!.code;
    const program = `${handler}\n${server}`;
    const named = await variablesNamed('Receiving webhooks');
    expect(named).toEqual(expect.arrayContaining(variablesRead(program)));
    await writeFile(join(project, 'src/webhook-app.ts'), program);

    // The emulator's port is chosen first: the app reads TRIBE_API_URL as it starts, and must listen before the URL check.
    const [port, apiPort] = [await freePort(), await freePort()];
    const signingSecret = 'readme-signing-secret';
    const values = {
      ...emulatorVariables({ ...emulator.current, url: `http://127.0.0.1:${apiPort}/graphql` }),
      TRIBE_SIGNING_SECRET: signingSecret,
      PORT: String(port),
    };
    const app = spawn(bin('tsx'), ['src/webhook-app.ts'], { cwd: project, env: envOf(named, values), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    app.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    app.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await listening(port, () => output);
      const e = await startOwnEmulator({ port: apiPort, webhooks: { url: `http://127.0.0.1:${port}/`, signingSecret } });
      expect(await e.webhooks!.urlCheck).toBe(true);
      const member = createTribeClient({ clientId: e.clientId, clientSecret: e.clientSecret, networkId: e.networkId, endpoint: e.url }).impersonate(
        e.memberIds[0]!,
      );
      const { createPost } = await member.createPost({
        spaceId: e.store.data.spaces[0]!.id,
        input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [{ key: 'title', type: 'text', value: JSON.stringify('Hello README') }] },
      });
      await e.webhooks!.idle();
      const published = e.webhooks!.deliveries.filter((delivery) => delivery.name === 'post.published');
      // The post's, and the one of the reply the handler made (which it leaves alone): both answered.
      expect(
        published.map((delivery) => delivery.status),
        output,
      ).toEqual([200, 200]);
      const replies = e.store.data.posts.filter((post) => post.repliedToId === createPost.id);
      expect(replies).toHaveLength(1);
      expect(JSON.stringify(replies[0])).toContain('Welcome, ');
    } finally {
      app.kill('SIGTERM');
    }
  });

  // Its subsection "More work per quota" has a test of its own (test/readme-quota.test.ts).
  it.skipIf(!redisAvailable())("runs each ts block of the README's Running many workers as printed, with the variables it names, on a real Redis", async () => {
    const blocks = codeBlocks(await readmeSection('Running many workers', { ownTextOnly: true }), 'ts');
    expect(blocks.length).toBeGreaterThan(0);
    const named = await variablesNamed('Running many workers');
    const e = emulator.current;
    const values = { ...emulatorVariables(e), REDIS_URL: redis.current.url };
    for (const [index, { code }] of blocks.entries()) {
      expect(named).toEqual(expect.arrayContaining(variablesRead(code)));
      await writeFile(join(project, `src/workers-${index}.ts`), code);
      expectSuccess(
        `README Running many workers block ${index}`,
        await run(bin('tsx'), [`src/workers-${index}.ts`], { cwd: project, env: envOf(named, values) }),
      );
    }
    expect(e.requestCount('limitedToken')).toBeGreaterThan(0);
  });

  it('has the GraphQL language server complete and check .graphql files and graphql() templates, with a .ts fragment spread in a .graphql file', async () => {
    const server = await startLanguageServer(project);
    try {
      const fragments = join(project, 'src/post-bits.ts');
      const fragmentsText =
        "import { graphql } from './graphql/client/index.js';\nexport const PostBits = graphql(`\n  fragment PostBits on Post {\n    id\n    titl\n  }\n`);\n";
      const tsDiagnostics = server.diagnostics(fragments);
      await server.open(fragments, 'typescript', fragmentsText);
      expect((await tsDiagnostics).map(({ message, range }) => [message, range.start])).toEqual([
        ['Cannot query field "titl" on type "Post". Did you mean "title"?', { line: 4, character: 4 }],
      ]);
      expect(await server.complete(fragments, 4, 8)).toContain('title');

      const operation = join(project, 'src/operations/post-bits.graphql');
      const operationText = 'query postBits {\n  posts(limit: 5) {\n    nodes {\n      ...PostBits\n      tit\n    }\n  }\n}\n';
      const graphqlDiagnostics = server.diagnostics(operation);
      await server.open(operation, 'graphql', operationText);
      // The spread of the .ts fragment is known; only the bad field is reported.
      expect((await graphqlDiagnostics).map(({ message, range }) => [message, range.start])).toEqual([
        ['Cannot query field "tit" on type "Post". Did you mean "id" or "title"?', { line: 4, character: 6 }],
      ]);
      expect(await server.complete(operation, 4, 9)).toContain('title');
      expect(await server.complete(operation, 3, 11)).toContain('PostBits');
    } finally {
      await server.stop();
    }
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
