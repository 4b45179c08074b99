import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CODEGEN_PACKAGES, TOOLS_PACKAGE } from '../../packages/tools/src/cli/init-command.js';
import { BIN, type CliRun } from './run-bin.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh app folder with this package.json; npm is never reached: every case here installs nothing. */
async function appWith(manifest: object): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tribe-sdk-init-'));
  folders.push(folder);
  await writeFile(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  return folder;
}

function init(cwd: string, args: string[] = []): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'init', ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

// As after installing both packages from their tarballs: listed by path, not by version.
const FROM_TARBALLS = {
  name: 'app',
  private: true,
  dependencies: { 'tribe-sdk': 'file:../tribe-sdk-0.1.0.tgz' },
  devDependencies: { [TOOLS_PACKAGE]: 'file:../tribe-sdk-tools-0.1.0.tgz', ...CODEGEN_PACKAGES },
};

describe('tribe-sdk init and the install line', () => {
  it('with --install, installs nothing when package.json lists every package, and does not ask for them', async () => {
    const app = await appWith(FROM_TARBALLS);
    const run = await init(app, ['--install']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`${TOOLS_PACKAGE} and the codegen packages are in package.json already.\nNext: npm run codegen`);
    expect(run.stdout).not.toContain('npm install');
    expect(existsSync(join(app, 'package-lock.json'))).toBe(false);
    expect(JSON.parse(await readFile(join(app, 'package.json'), 'utf8')).devDependencies).toEqual(FROM_TARBALLS.devDependencies);
  });

  it('asks only for what package.json does not list', async () => {
    const app = await appWith({ ...FROM_TARBALLS, devDependencies: { [TOOLS_PACKAGE]: 'file:../tribe-sdk-tools-0.1.0.tgz' } });
    const run = await init(app);
    expect(run.code).toBe(0);
    const next = run.stdout.split('\n').find((line) => line.startsWith('Next: '));
    expect(next).toBe(
      `Next: npm install --save-dev ${Object.entries(CODEGEN_PACKAGES)
        .map(([name, version]) => `${name}@${version}`)
        .join(' ')}`,
    );
  });

  it('asks for the tools at their own version in an empty project', async () => {
    const app = await appWith({ name: 'app', private: true });
    const run = await init(app);
    expect(run.stdout).toMatch(new RegExp(`^Next: npm install --save-dev ${TOOLS_PACKAGE}@\\d+\\.\\d+\\.\\d+ @graphql-codegen/cli@`, 'm'));
  });

  it("leaves codegen's output out of the documents with graphql-config's exclude, not a negated glob", async () => {
    const app = await appWith({ name: 'app', private: true });
    await init(app, ['--output', 'src/generated']);
    const config = await readFile(join(app, 'graphql.config.mjs'), 'utf8');
    expect(config).toContain("documents: ['src/**/*.{graphql,gql}', 'src/**/*.{ts,tsx}'],");
    expect(config).toContain("exclude: ['src/generated/**'],");
    expect(config).not.toContain("'!");
  });
});
