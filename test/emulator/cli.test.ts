import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDemoData } from '../../packages/tools/src/emulator/index.js';
import { verifyWebhook } from '../../src/webhooks/index.js';
import { serveOnLoopback } from '../webhooks/handler-server.js';
import { basicHeader, LIMITED_TOKEN_QUERY, postGraphQL } from './raw-graphql.js';

const repo = new URL('../../', import.meta.url).pathname;
/** `text` with the characters a RegExp reads specially escaped. */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NETWORK_QUERY = '{ network { id name } }';

interface EmulatorLine {
  url: string;
  clientId: string;
  clientSecret: string;
  networkId: string;
  memberIds: string[];
  uninstalledNetworkId: string;
  webhookUrl?: string;
  webhookSigningSecret?: string;
}

interface Spawned {
  child: ChildProcessWithoutNullStreams;
  line: EmulatorLine;
  /** What it wrote to stderr so far. */
  stderrSoFar(): string;
  /** Stops the child with SIGTERM and resolves with its exit code and everything it wrote. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

const running: Spawned[] = [];

/** Starts `tribe-sdk emulator` as a child process and reads the JSON line it prints. */
function spawnEmulator(args: string[], env: Record<string, string> = {}): Promise<Spawned> {
  const child = spawn(process.execPath, ['packages/tools/bin/tribe-sdk.js', 'emulator', '--port', '0', ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (): void => {
      const end = stdout.indexOf('\n');
      if (end < 0) return;
      child.stdout.off('data', onData);
      const spawned: Spawned = {
        child,
        line: JSON.parse(stdout.slice(0, end)) as EmulatorLine,
        stderrSoFar: () => stderr,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return { code: await exited, stdout, stderr };
        },
      };
      running.push(spawned);
      resolve(spawned);
    };
    child.stdout.on('data', onData);
    void exited.then((code) => reject(new Error(`the emulator exited (${code}) before printing its line: ${stderr}`)));
  });
}

function mint(line: EmulatorLine, options: { secret?: string; networkId?: string; url?: string } = {}) {
  return postGraphQL(options.url ?? line.url, LIMITED_TOKEN_QUERY, {
    variables: { networkId: options.networkId ?? line.networkId },
    authorization: basicHeader(line.clientId, options.secret ?? line.clientSecret),
  });
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((spawned) => spawned.stop()));
});

describe('tribe-sdk emulator (child process)', () => {
  it('prints exactly one JSON line, then serves the Basic-then-Bearer protocol to plain HTTP clients', { timeout: 60_000 }, async () => {
    const emulator = await spawnEmulator([]);
    const { line } = emulator;
    expect(Object.keys(line).sort()).toEqual(['clientId', 'clientSecret', 'memberIds', 'networkId', 'uninstalledNetworkId', 'url']);
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(line.memberIds.length).toBeGreaterThan(1);

    const minted = await mint(line);
    expect(minted.status).toBe(200);
    const token = minted.body.data?.limitedToken.accessToken as string;
    const network = await postGraphQL(line.url, NETWORK_QUERY, { authorization: `Bearer ${token}` });
    expect(network.status).toBe(200);
    expect(network.body.data?.network.id).toBe(line.networkId);

    const wrongSecret = await mint(line, { secret: 'wrong' });
    expect([wrongSecret.status, wrongSecret.body.errors?.[0]?.code]).toEqual([401, '108']);
    const uninstalled = await mint(line, { networkId: line.uninstalledNetworkId });
    expect([uninstalled.status, uninstalled.body.errors?.[0]?.code]).toEqual([403, '102']);
    const noToken = await postGraphQL(line.url, NETWORK_QUERY);
    expect([noToken.status, noToken.body.errors?.[0]?.code]).toEqual([401, '108']);

    const { code, stdout, stderr } = await emulator.stop();
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.stringify(line)}\n`);
    expect(stderr).toContain(line.url);
  });

  it('--token-ttl sets the lifetime; an expired token gets 401 / 108', { timeout: 60_000 }, async () => {
    const { line } = await spawnEmulator(['--token-ttl', '2']);
    const token = (await mint(line)).body.data?.limitedToken.accessToken as string;
    const { iat, exp } = decodeJwt(token);
    expect(exp! - iat!).toBe(2);
    expect((await postGraphQL(line.url, NETWORK_QUERY, { authorization: `Bearer ${token}` })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp! * 1000 - Date.now()) + 100));
    const expired = await postGraphQL(line.url, NETWORK_QUERY, { authorization: `Bearer ${token}` });
    expect(expired.status).toBe(401);
    expect(expired.body.errors?.[0]).toMatchObject({ code: '108', message: expect.stringMatching(/expired/) });
  });

  it('--rate-limit REQUESTS,COMPLEXITY with --rate-window enforces a burst window per network', { timeout: 60_000 }, async () => {
    const { line } = await spawnEmulator(['--rate-limit', '2,1000', '--rate-window', '60']);
    const token = (await mint(line)).body.data?.limitedToken.accessToken as string;
    const statuses = [];
    for (let call = 0; call < 3; call++) statuses.push((await postGraphQL(line.url, NETWORK_QUERY, { authorization: `Bearer ${token}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  describe('--data and --gateway', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tribe-sdk-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('serves the data file and hands out a gatewayUrl that works', { timeout: 60_000 }, async () => {
      const data = createDemoData({ posts: 3 });
      data.apps[0] = { ...data.apps[0]!, clientId: 'file-client', clientSecret: 'file-secret-éß' };
      const file = join(dir, 'data.json');
      writeFileSync(file, JSON.stringify(data));
      const { line } = await spawnEmulator(['--data', file, '--gateway']);
      expect(line).toMatchObject({ clientId: 'file-client', clientSecret: 'file-secret-éß' });
      const minted = await mint(line);
      const { accessToken, gatewayUrl } = minted.body.data?.limitedToken as { accessToken: string; gatewayUrl: string };
      expect(gatewayUrl).toBe(line.url.replace(/\/graphql$/, '/gateway'));
      const posts = await postGraphQL(gatewayUrl, '{ posts(limit: 10) { totalCount } }', { authorization: `Bearer ${accessToken}` });
      expect(posts.body.data?.posts.totalCount).toBe(3);
    });
  });

  it(
    '--webhook-url delivers the URL check signed with TRIBE_SIGNING_SECRET (the name the app reads), or with a secret it prints',
    { timeout: 60_000 },
    async () => {
      const received: Array<{ body: Buffer; headers: Record<string, string | string[] | undefined> }> = [];
      const url = await serveOnLoopback(async (request, response) => {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks);
        received.push({ body, headers: request.headers });
        const { data } = JSON.parse(body.toString('utf8')) as { data: { challenge?: string } };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'TEST', status: 'SUCCEEDED', data }));
      });
      const given = await spawnEmulator(['--webhook-url', url], { TRIBE_SIGNING_SECRET: 'cli-webhook-secret' });
      expect(given.line).toMatchObject({ webhookUrl: url });
      expect(given.line).not.toHaveProperty('webhookSigningSecret');
      const made = await spawnEmulator(['--webhook-url', url]);
      expect(made.line.webhookSigningSecret).toMatch(/^[0-9a-f]{48}$/);
      await expect.poll(() => received.filter((delivery) => delivery.body.includes('"TEST"')).length, { timeout: 10_000 }).toBe(2);
      const results = await Promise.all(
        received.map(async ({ body, headers }) => {
          for (const signingSecret of ['cli-webhook-secret', made.line.webhookSigningSecret!]) {
            const event = await verifyWebhook({ rawBody: body, headers }, { signingSecret }).catch(() => undefined);
            if (event) return `${event.type} ${signingSecret === 'cli-webhook-secret' ? 'given' : 'made'}`;
          }
          return 'unverified';
        }),
      );
      expect(results).toEqual(expect.arrayContaining(['TEST given', 'TEST made']));
      expect(results).not.toContain('unverified');
      const { stderr } = await given.stop();
      expect(stderr).not.toContain('cli-webhook-secret');
    },
  );

  it('prints one line per webhook delivery attempt: event, URL, status or error, and the next retry', { timeout: 60_000 }, async () => {
    // A port nothing listens on: the app is down.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const closing = new URL(`http://127.0.0.1:${port}/webhooks`);
    const stopped = await spawnEmulator(['--webhook-url', closing.href]);
    await expect
      .poll(
        () =>
          stopped
            .stderrSoFar()
            .split('\n')
            .filter((line) => line.includes('webhook TEST')).length,
        { timeout: 20_000 },
      )
      .toBe(3);
    const downLines = (await stopped.stop()).stderr.split('\n').filter((line) => line.includes('webhook TEST'));
    const prefix = `tribe-sdk emulator: webhook TEST -> ${closing.href} attempt`;
    expect(downLines[0]).toMatch(new RegExp(`^${escape(prefix)} 1/3: no answer: fetch failed \\(.*ECONNREFUSED.*\\); retry in 100 ms$`));
    expect(downLines[1]).toMatch(new RegExp(`^${escape(prefix)} 2/3: no answer: .*; retry in 200 ms$`));
    expect(downLines[2]).toMatch(new RegExp(`^${escape(prefix)} 3/3: no answer: .*; no more retries$`));

    // The app crashes once, then answers.
    let calls = 0;
    const flaky = await serveOnLoopback(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      if ((calls += 1) === 1) return void response.writeHead(500).end('boom');
      const { data } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: unknown };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'TEST', status: 'SUCCEEDED', data }));
    });
    const crashing = await spawnEmulator(['--webhook-url', flaky]);
    await expect
      .poll(
        () =>
          crashing
            .stderrSoFar()
            .split('\n')
            .filter((line) => line.includes('webhook TEST')).length,
        { timeout: 20_000 },
      )
      .toBe(2);
    const flakyLines = (await crashing.stop()).stderr.split('\n').filter((line) => line.includes('webhook TEST'));
    expect(flakyLines).toEqual([
      `tribe-sdk emulator: webhook TEST -> ${flaky} attempt 1/3: HTTP 500; retry in 100 ms`,
      `tribe-sdk emulator: webhook TEST -> ${flaky} attempt 2/3: HTTP 200`,
    ]);
  });

  it('--delay answers every request that much later', { timeout: 60_000 }, async () => {
    const { line } = await spawnEmulator(['--delay', '400']);
    const started = performance.now();
    const answer = await mint(line);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBe(200);
  });

  it('refuses a bad --port as a usage error: exit code 2, one line naming it, nothing on stdout', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['packages/tools/bin/tribe-sdk.js', 'emulator', '--port', 'eighty'], { cwd: repo, env: { PATH: process.env.PATH } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('tribe-sdk: --port must be an integer from 0 to 65535\n');
  });
});
