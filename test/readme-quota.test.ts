import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { appOptions, startOwnEmulator } from './support/emulator.js';
import { redisAvailable, startRedis } from './support/redis.js';
import { platformSign, subscriptionBody } from './webhooks/signed.js';

// Runs the snippets of "More work per quota" in the README's "Running many workers" section, as written, through tsx.
const REPO = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository (gitignored), where tsx applies the examples' paths: tribe-sdk maps to src/.
const DIR = `${REPO}test/.readme-quota`;
const TSX = `${REPO}node_modules/.bin/tsx`;

/** The README block of the section that starts with `// <name>:`, written to a file of its own. */
function snippet(name: string): string {
  const readme = readFileSync(`${REPO}README.md`, 'utf8');
  const start = readme.indexOf('\n## Running many workers\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const block = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.startsWith(`// ${name}:`));
  if (block === undefined) throw new Error(`README.md's "Running many workers" has no block starting with // ${name}`);
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${DIR}/tsconfig.json`, JSON.stringify({ extends: `${REPO}examples/tsconfig.json`, include: ['.'] }));
  // .mts: an ES module (top-level await) without a package.json of its own.
  const file = `${DIR}/${name.replace(/\.ts$/, '.mts')}`;
  writeFileSync(file, `${block}\nexport {};\n`);
  return file;
}

const tsxArgs = (file: string) => ['--conditions=tribe-sdk-source', '--tsconfig', `${DIR}/tsconfig.json`, file];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

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
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(TSX, [...tsxArgs(snippet('lookups.ts')), ...people.map((member) => member.id)], { cwd: REPO, env, timeout: 60_000 }, (error, stdout, stderr) =>
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
    const file = snippet('webhooks.ts');
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
