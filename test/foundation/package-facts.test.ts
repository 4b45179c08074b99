import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SDK_VERSION } from '../../src/index.js';

const run = promisify(execFile);
const repo = new URL('../../', import.meta.url).pathname;
const packageJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };

describe('package facts', () => {
  it('SDK_VERSION equals the version in package.json', () => {
    expect(SDK_VERSION).toBe(packageJson.version);
  });
});

describe('codegen:check in a copy of the repo', () => {
  const copy = mkdtempSync(join(tmpdir(), 'tribe-sdk-codegen-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  const codegenCheck = () =>
    run('npm', ['run', '--silent', 'codegen:check'], { cwd: copy, timeout: 120_000 }).then(
      ({ stdout, stderr }) => ({ exitCode: 0, output: stdout + stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ exitCode: error.code ?? 1, output: `${error.stdout}${error.stderr}` }),
    );

  it('passes while generated/ is fresh and fails once an operation is edited without regenerating', { timeout: 240_000 }, async () => {
    cpSync(repo, copy, {
      recursive: true,
      filter: (source) => !/[/\\](node_modules|\.git|dist|coverage)([/\\]|$)/.test(source.slice(repo.length - 1)),
    });
    symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
    expect((await codegenCheck()).exitCode).toBe(0);
    const operation = join(copy, 'operations/network/network.graphql');
    writeFileSync(operation, readFileSync(operation, 'utf8').replace(/(\n\s*network \{\n)/, '$1    statusLocked\n'));
    expect(readFileSync(operation, 'utf8')).toContain('statusLocked');
    const stale = await codegenCheck();
    expect(stale.exitCode).not.toBe(0);
    expect(stale.output).toContain('generated/sdk.ts');
  });
});
