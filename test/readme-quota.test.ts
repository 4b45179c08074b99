import { execFile, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { appOptions, startOwnEmulator } from './support/emulator.js';
import { freePort } from './support/free-port.js';
import { codeBlocks, readmeSection } from './support/readme.js';
import { redisAvailable, startRedis } from './support/redis.js';
import { platformSign, subscriptionBody } from './webhooks/signed.js';

// Runs the snippets of "More work per quota" in the README's "Running many workers" section, as written, through tsx.
const QUOTA_SECTION = 'More work per quota: static costs, merged lookups, webhooks once';
const REPO = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository (gitignored), where tsx applies the examples' paths: tribe-sdk maps to src/.
const DIR = `${REPO}test/.readme-quota`;
const TSX = `${REPO}node_modules/.bin/tsx`;

/** The README block of "More work per quota" that starts with `// <name>:`, written to a file of its own. */
async function snippet(name: string): Promise<string> {
  const block = codeBlocks(await readmeSection(QUOTA_SECTION), 'ts').find(({ code }) => code.startsWith(`// ${name}:`))?.code;
  if (block === undefined) throw new Error(`README.md's "${QUOTA_SECTION}" has no block starting with // ${name}`);
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${DIR}/tsconfig.json`, JSON.stringify({ extends: `${REPO}examples/tsconfig.json`, include: ['.'] }));
  // .mts: an ES module (top-level await) without a package.json of its own.
  const file = `${DIR}/${name.replace(/\.ts$/, '.mts')}`;
  writeFileSync(file, `${block}\nexport {};\n`);
  return file;
}

const tsxArgs = (file: string) => ['--conditions=tribe-sdk-source', '--tsconfig', `${DIR}/tsconfig.json`, file];

async function listening(port: number, deadline: number): Promise<void> {
  while (
    !(await new Promise<boolean>((resolve) =>
      connect(port, '127.0.0.1')
        .once('connect', function (this: { destroy(): void }) {
          this.destroy();
          resolve(true);
        })
        .once('error', () => resolve(false)),
    ))
  ) {
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('README: more work per quota', { timeout: 90_000 }, () => {
  it('lookups.ts finds every member in one merged request, and updates them in one more', async () => {
    rmSync(DIR, { recursive: true, force: true });
    const e = await startOwnEmulator();
    const people = e.store.data.members.filter((member) => !member.isBot);
    const { clientId, clientSecret, networkId, endpoint } = appOptions(e);
    const env = {
      PATH: process.env.PATH ?? '',
      TRIBE_CLIENT_ID: clientId,
      TRIBE_CLIENT_SECRET: clientSecret,
      TRIBE_NETWORK_ID: networkId,
      TRIBE_API_URL: endpoint!,
    };
    const file = await snippet('lookups.ts');
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(TSX, [...tsxArgs(file), ...people.map((member) => member.id)], { cwd: REPO, env, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? 1 : 0, stdout, stderr }),
      );
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(people.map((member) => member.name).join(', '));
    expect(e.requestCount('coalesced')).toBe(2);
    expect(e.requestCount('member')).toBe(0);
    expect(e.requestCount('updateMember')).toBe(0);
    expect(e.store.data.members.filter((member) => !member.isBot).map((member) => member.tagline)).toEqual(people.map(() => 'Seen by the bulk job'));
  });

  it.skipIf(!redisAvailable())('webhooks.ts runs a redelivered event once across two workers sharing Redis', async () => {
    const redis = await startRedis();
    const file = await snippet('webhooks.ts');
    const secret = 'whsec-readme-quota';
    const ports = [await freePort(), await freePort()];
    const outputs = ports.map(() => ({ text: '' }));
    const children = ports.map((port, index) => {
      const child = spawn(TSX, tsxArgs(file), {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? '', REDIS_URL: redis.url, TRIBE_SIGNING_SECRET: secret, PORT: String(port) },
      });
      child.stdout.on('data', (chunk: Buffer) => (outputs[index]!.text += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (outputs[index]!.text += chunk.toString('utf8')));
      return child;
    });
    try {
      for (const port of ports) await listening(port, Date.now() + 30_000);
      const body = subscriptionBody('post.published', 'EvtReadme001');
      const statuses: number[] = [];
      for (const port of [ports[0], ports[1], ports[1], ports[0]]) {
        const response = await fetch(`http://127.0.0.1:${port}/webhook`, { method: 'POST', headers: platformSign(body, secret), body });
        statuses.push(response.status);
        await response.text();
      }
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect(outputs.map((output) => output.text).join('')).toBe('ran EvtReadme001\n');
    } finally {
      for (const child of children) child.kill('SIGKILL');
      await redis.stop();
    }
  });
});
