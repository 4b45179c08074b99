import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleInputs, nodeBuiltinsAmong } from '../support/bundle-inputs.js';
import { useEmulator } from '../support/emulator.js';
import { packedTarballs } from '../support/packed-sdk.js';
import { documentedEngineWarnings, engineWarnings, isDocumented } from './engine-warnings.js';
import { expectSuccess, installIntoFreshProject, REPO, run, type Tarballs } from './pack.js';
import { BROWSER_ENTRY, CJS_CONSUMER, ESM_CONSUMER, TYPED_CONSUMER } from './sources.js';

// The package as a user gets it: built, packed by npm, installed into an empty project.
const emulator = useEmulator();
let tarballs: Tarballs = { sdk: '', tools: '' };
let packageVersion = '';
let project = '';
let installOutput = '';

beforeAll(async () => {
  packageVersion = (JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
  tarballs = await packedTarballs();
  ({ project, output: installOutput } = await installIntoFreshProject([tarballs.sdk, tarballs.tools]));
  await Promise.all([
    writeFile(join(project, 'esm-consumer.mjs'), ESM_CONSUMER),
    writeFile(join(project, 'cjs-consumer.cjs'), CJS_CONSUMER),
    writeFile(join(project, 'typed-consumer.ts'), TYPED_CONSUMER),
    writeFile(join(project, 'browser-entry.mjs'), BROWSER_ENTRY),
    writeFile(join(project, 'webhooks-entry.mjs'), "export * from 'tribe-sdk/webhooks';\n"),
    writeFile(join(project, 'slate-entry.mjs'), "export * from 'tribe-sdk/slate';\n"),
  ]);
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

function emulatorEnv(): NodeJS.ProcessEnv {
  const { clientId, clientSecret, networkId, url, memberIds } = emulator.current;
  return {
    PATH: process.env.PATH,
    TRIBE_CLIENT_ID: clientId,
    TRIBE_CLIENT_SECRET: clientSecret,
    TRIBE_NETWORK_ID: networkId,
    TRIBE_API_URL: url,
    TRIBE_MEMBER_ID: memberIds[0],
  };
}

// Steps run side by side; under that load a type check or attw can take well over the default 20 s.
describe.concurrent('the packed package', { timeout: 120_000 }, () => {
  it('holds only what a consumer needs: the SDK its runtime, the tools their command, emulator, preset and snapshot', async () => {
    const list = async (file: string) =>
      expectSuccess('tar', await run('tar', ['-tzf', file], { cwd: REPO }))
        .stdout.trim()
        .split('\n')
        .map((line) => line.replace(/^package\//, ''));
    const sdk = await list(tarballs.sdk);
    expect(sdk).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/generated/sdk.js']),
    );
    expect(sdk.filter((file) => !/^(dist\/(src|generated)\/.+\.(js|d\.ts|js\.map)|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(file))).toEqual([]);
    expect(sdk.filter((file) => /emulator|\/cli\//.test(file))).toEqual([]);
    const tools = await list(tarballs.tools);
    expect(tools).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'bin/tribe-sdk.js',
        'schema/tribe.graphql',
        'dist/src/emulator/index.js',
        'dist/src/codegen/index.js',
        'dist/src/cli/main.js',
      ]),
    );
    expect(
      tools.filter((file) => !/^(dist\/src\/.+\.(js|d\.ts|js\.map)|bin\/tribe-sdk\.js|schema\/tribe\.graphql|package\.json|README\.md|LICENSE)$/.test(file)),
    ).toEqual([]);
  });

  it('installs for production in at most 8 MB, with no server, schema differ or JWT library and no engine warning on Node 20', async () => {
    const { project: lean, output } = await installIntoFreshProject([tarballs.sdk], ['--omit=dev']);
    try {
      expect(output).not.toMatch(/EBADENGINE/);
      const size = expectSuccess('du', await run('du', ['-sk', join(lean, 'node_modules')], { cwd: lean }));
      expect(Number(size.stdout.split('\t')[0]) * 1024).toBeLessThanOrEqual(8 * 1024 * 1024);
      const installed = expectSuccess('npm ls', await run('npm', ['ls', '--all', '--parseable'], { cwd: lean })).stdout;
      expect(installed).not.toMatch(/graphql-yoga|@graphql-tools|@graphql-inspector|\/jose/);
    } finally {
      await rm(lean, { recursive: true, force: true });
    }
  });

  it.runIf(process.versions.node.startsWith('20.'))(
    'installs the dev tools on Node 20 with EBADENGINE warnings for exactly the packages the README lists',
    async () => {
      const documented = await documentedEngineWarnings();
      const warnings = engineWarnings(installOutput);
      expect(warnings.filter((warning) => !documented.some((entry) => isDocumented(warning, entry)))).toEqual([]);
      expect(documented.filter((entry) => !warnings.some((warning) => isDocumented(warning, entry)))).toEqual([]);
    },
  );

  it.each(['NodeNext', 'Bundler'])('type-checks a consumer under moduleResolution %s with operation-precise results', async (resolution) => {
    const tsconfig = `tsconfig.${resolution}.json`;
    await writeFile(
      join(project, tsconfig),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
          moduleResolution: resolution,
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(REPO, 'node_modules', '@types')],
        },
        files: ['typed-consumer.ts'],
      }),
    );
    const tsc = join(REPO, 'node_modules', '.bin', 'tsc');
    const finished = await run(tsc, ['-p', tsconfig], { cwd: project });
    expect(finished.stdout + finished.stderr).toBe('');
    expect(finished.code).toBe(0);
  });

  it('passes publint with warnings treated as errors', async () => {
    for (const file of [tarballs.sdk, tarballs.tools]) {
      const finished = await run(join(REPO, 'node_modules', '.bin', 'publint'), ['run', file, '--strict'], { cwd: REPO });
      expect(finished.stdout, file).toContain('All good');
      expect(finished.code).toBe(0);
    }
  });

  it.each(['sdk', 'tools'] as const)('passes arethetypeswrong as an ESM-only package (%s)', async (which) => {
    // ESM-only: node10 and node16-from-CJS resolution are out of scope (Node >= 20.19 can require() it).
    const finished = await run(join(REPO, 'node_modules', '.bin', 'attw'), [tarballs[which], '--profile', 'esm-only', '--format', 'json'], { cwd: REPO });
    const report = JSON.parse(finished.stdout) as { analysis: { problems: unknown[] } };
    const ignored = new Set(['node10', 'node16-cjs']);
    const problems = (report.analysis.problems as Array<{ resolutionKind?: string }>).filter((problem) => !ignored.has(problem.resolutionKind ?? ''));
    expect(problems).toEqual([]);
    expect(finished.code).toBe(0);
  });

  it.each(['sdk', 'tools'] as const)('carries the metadata a registry page and a provenance-signed publish need (%s)', async (which) => {
    const manifest = JSON.parse(expectSuccess('tar', await run('tar', ['-xOzf', tarballs[which], 'package/package.json'], { cwd: REPO })).stdout) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      license: 'MIT',
      engines: { node: '>=20.19' },
      publishConfig: { access: 'public', provenance: true },
      repository: { type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) },
      homepage: expect.stringMatching(/^https:\/\//),
      bugs: { url: expect.stringMatching(/^https:\/\//) },
      keywords: expect.arrayContaining(['tribe', 'bettermode', 'graphql']),
    });
    // Provenance checks the repository against the one the package is built from; both packages name the same.
    const root = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { repository: { url: string } };
    expect((manifest.repository as { url: string }).url).toBe(root.repository.url);
  });

  it.each([
    ['.', 'browser-entry.mjs', 'index.js'],
    ['tribe-sdk/webhooks', 'webhooks-entry.mjs', 'webhooks/index.js'],
    ['tribe-sdk/slate', 'slate-entry.mjs', 'slate/index.js'],
  ])('bundles "%s" for the browser without Node built-ins, the emulator or its server libraries', async (_entry, file, main) => {
    const inputs = await bundleInputs(project, file, 'browser');
    expect(inputs).toContain(`node_modules/tribe-sdk/dist/src/${main}`);
    // Of graphql only the printer, and the parser that tribe.request loads lazily for string documents: its index loads the
    // type system, which reads process.env; graphql-request is used for types only.
    expect(inputs.filter((input) => /node_modules\/graphql\/(index|type\/|execution\/|validation\/)|node_modules\/graphql-request\//.test(input))).toEqual([]);
    expect(nodeBuiltinsAmong(inputs)).toEqual([]);
    expect(inputs.filter((input) => /graphql-yoga|@graphql-tools|\/jose\/|\/undici\/|\/emulator\//.test(input))).toEqual([]);
  });

  it('loads neither the emulator nor its server libraries for "." on Node either', async () => {
    const inputs = await bundleInputs(project, 'browser-entry.mjs', 'node');
    expect(inputs.some((input) => input.startsWith('node_modules/tribe-sdk/dist/src/'))).toBe(true);
    expect(inputs.filter((input) => /graphql-yoga|@graphql-tools|\/jose\/|\/emulator\/|graphql-inspector/.test(input))).toEqual([]);
  });
});

// Not concurrent: the shared emulator's reset after each test clears its request log, which these tests read.
describe('the packed package against the emulator', { timeout: 120_000 }, () => {
  it('is require()-able from CommonJS: a member token, a query and a typed error', async () => {
    const finished = expectSuccess('node cjs-consumer.cjs', await run(process.execPath, ['cjs-consumer.cjs'], { cwd: project, env: emulatorEnv() }));
    expect(JSON.parse(finished.stdout)).toEqual({ memberId: emulator.current.memberIds[0], networkId: emulator.current.networkId, wrongSecret: 'TRIBE_AUTH' });
    expect(emulator.current.requestCount('authMember')).toBeGreaterThanOrEqual(1);
  });

  it('ships a tribe-sdk bin whose token the emulator accepts as a bearer', async () => {
    const bin = join(project, 'node_modules', '.bin', 'tribe-sdk');
    const finished = expectSuccess('tribe-sdk token', await run(bin, ['token'], { cwd: project, env: emulatorEnv() }));
    const response = await fetch(emulator.current.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${finished.stdout.trim()}` },
      body: JSON.stringify({ query: '{ network { id } }' }),
    });
    expect(await response.json()).toEqual({ data: { network: { id: emulator.current.networkId } }, extensions: { complexity: 1 } });
    const version = await run(bin, ['--version'], { cwd: project, env: { PATH: process.env.PATH } });
    expect(version).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  });
});
