import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, codegenTypeCheckAndRun, devDependencyPins } from '../app-project/app-steps.js';
import { expectSuccess, run, type Tarballs } from '../consumer/pack.js';
import { useEmulator } from '../support/emulator.js';
import { codeBlocks, readmeSection } from '../support/readme.js';
import { startLocalRegistry, type LocalRegistry } from '../support/local-registry.js';
import { packedTarballs } from '../support/packed-sdk.js';

// Both packages published to a registry of this test's own, then installed by name the way the README says, with no tarball paths.
const emulator = useEmulator();
let registry: LocalRegistry | undefined;
let tarballs: Tarballs = { sdk: '', tools: '' };
let project = '';

const npm = (args: string[], cwd: string, timeoutMs = 300_000) => run('npm', args, { cwd, env: registry!.npmEnv(), timeoutMs });

beforeAll(async () => {
  tarballs = await packedTarballs();
  registry = await startLocalRegistry();
  project = await mkdtemp(join(tmpdir(), 'tribe-sdk-by-name-'));
  // Provenance needs a CI identity; everything else of publishConfig applies as it will on the real registry.
  for (const file of [tarballs.sdk, tarballs.tools]) expectSuccess(`npm publish ${file}`, await npm(['publish', file, '--provenance=false'], project));
}, 600_000);

afterAll(async () => {
  await registry?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

describe('installable by name from a registry', { timeout: 600_000 }, () => {
  it.each([
    ['tribe-sdk', 'sdk'],
    ['tribe-sdk-tools', 'tools'],
  ] as const)('serves %s as the very tarball that was packed', async (name, which) => {
    const viewed = expectSuccess(`npm view ${name}`, await npm(['view', name, 'dist.shasum', 'publishConfig', '--json'], project));
    const shasum = createHash('sha1')
      .update(await readFile(tarballs[which]))
      .digest('hex');
    expect(JSON.parse(viewed.stdout)).toEqual({ 'dist.shasum': shasum, publishConfig: { access: 'public', provenance: true } });
  });

  it('installs both packages by name, sets up codegen with init --install, regenerates, type-checks and runs against the emulator', async () => {
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'my-tribe-app', private: true, type: 'module' }, null, 2));
    // The install lines of the README's quick start, as printed (comments aside), with this registry as npm's.
    const lines = codeBlocks(await readmeSection('Quick start in your own project'), 'sh')[0]!
      .code.split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    expect(lines).toEqual([
      expect.stringMatching(/^npm install tribe-sdk$/),
      expect.stringMatching(/^npm install --save-dev tribe-sdk-tools /),
      'npx tribe-sdk init --install',
    ]);
    // The versions it pins are the ones this repository is tested with.
    for (const pin of await devDependencyPins(/^typescript$|^tsx$|^@types\/node$/)) expect(lines[1]).toContain(` ${pin}`);
    for (const line of lines) expectSuccess(line, await run('sh', ['-c', line], { cwd: project, env: registry!.npmEnv(), timeoutMs: 300_000 }));

    const manifest = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(manifest.dependencies!)).toEqual(['tribe-sdk']);
    expect(Object.keys(manifest.devDependencies!)).toEqual(
      expect.arrayContaining([
        'tribe-sdk-tools',
        '@graphql-codegen/cli',
        '@graphql-codegen/typescript-graphql-request',
        '@graphql-codegen/typescript-operations',
      ]),
    );
    // Both came from this registry, by name: the lockfile records where each was fetched.
    const lock = JSON.parse(await readFile(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    for (const name of ['tribe-sdk', 'tribe-sdk-tools'])
      expect(lock.packages[`node_modules/${name}`]?.resolved).toMatch(new RegExp(`^${registry!.url}${name}/-/`));

    await codegenTypeCheckAndRun(project, emulator.current, appEnv({ npm_config_userconfig: registry!.userconfig }));
  });
});
