import { execFile, spawn as spawnChild } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTribeClient } from '../src/index.js';
import { createDemoData } from '../packages/tools/src/emulator/index.js';
import { appOptions, startOwnEmulator, useEmulator } from './support/emulator.js';
import { redisAvailable, useRedis } from './support/redis.js';

// Runs every program in examples/ as a user would (through tsx, TRIBE_* in the environment), against the emulator.
const emulator = useEmulator({ data: createDemoData({ posts: 45 }) });
const withRedis = redisAvailable();
const redis = useRedis();
const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = (name: string) => `${REPO}node_modules/.bin/${name}`;

interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

function spawn(file: string, args: string[], env: Record<string, string>, cwd = REPO): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

function appEnv(): Record<string, string> {
  const { clientId, clientSecret, networkId, url } = emulator.current;
  return { TRIBE_CLIENT_ID: clientId, TRIBE_CLIENT_SECRET: clientSecret, TRIBE_NETWORK_ID: networkId, TRIBE_API_URL: url };
}

async function runExample(path: string, env: Record<string, string> = appEnv()): Promise<Finished> {
  // The source condition resolves package.json's `imports` to src/, as the examples' tsconfig paths do for `tribe-sdk`.
  const finished = await spawn(BIN('tsx'), ['--conditions=tribe-sdk-source', '--tsconfig', 'examples/tsconfig.json', `examples/${path}`], env);
  if (finished.code !== 0 && env.TRIBE_CLIENT_SECRET) throw new Error(`${path} exited ${finished.code}: ${finished.stderr}`);
  return finished;
}

/** A port that was free a moment ago: the example must listen on it before the emulator, which needs its URL, can deliver. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a long-running example and resolves once it printed `line`; the returned stop() ends it and resolves with its output. */
function startExample(path: string, env: Record<string, string>, line: RegExp): Promise<{ output: () => string; stop: () => Promise<string> }> {
  const child = spawnChild(BIN('tsx'), ['--conditions=tribe-sdk-source', '--tsconfig', 'examples/tsconfig.json', `examples/${path}`], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<string> => {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
    return output;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (line.test(output)) resolve({ output: () => output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`${path} exited before printing ${line}: ${output}`)));
  });
}

describe('examples', { timeout: 60_000 }, () => {
  it('bot-token.ts lists the network and its spaces, and never prints the token', async () => {
    const { stdout } = await runExample('bot-token.ts');
    const { network, spaces } = emulator.current.store.data;
    expect(stdout).toContain(`network: ${network.name} (${network.id})`);
    for (const space of spaces.slice(0, 5)) expect(stdout).toContain(`space: ${space.name}\n`);
    const bearers = emulator.current.requests
      .map((request) => request.authorization?.replace(/^Bearer /, ''))
      .filter((token) => token && !token.startsWith('Basic'));
    expect(bearers.length).toBeGreaterThan(0);
    for (const token of bearers) expect(stdout).not.toContain(token!);
  });

  it('bot-token.ts explains itself and exits 2 without credentials', async () => {
    const finished = await runExample('bot-token.ts', {});
    expect(finished.code).toBe(2);
    expect(finished.stderr).toContain('Set TRIBE_CLIENT_ID');
    expect(emulator.current.requestCount()).toBe(0);
  });

  it('impersonation.ts creates a post owned by the member', async () => {
    const memberId = emulator.current.memberIds[1]!;
    const { stdout } = await runExample('impersonation.ts', { ...appEnv(), TRIBE_MEMBER_ID: memberId });
    const postId = /created post (\S+)/.exec(stdout)?.[1];
    const post = emulator.current.store.data.posts.find((candidate) => candidate.id === postId);
    expect(post).toMatchObject({ ownerId: memberId, title: 'Posted by an app, as a member' });
    expect(stdout).toContain(`(${memberId})`);
  });

  it('pagination.ts counts every published post, fetching pages of 20', async () => {
    const published = emulator.current.store.publishedPosts().length;
    const { stdout } = await runExample('pagination.ts');
    expect(stdout).toContain(`posts: ${published}\n`);
    expect(emulator.current.requestCount('posts')).toBe(Math.ceil(published / 20));
    expect(stdout).toContain(`spaces page: ${emulator.current.store.data.spaces.length} of `);
  });

  it('custom-operation: the committed generated.ts is fresh, and main.ts runs the custom operation', async () => {
    const check = await spawn(BIN('graphql-codegen'), ['--config', 'codegen.ts', '--check'], {}, `${REPO}examples/custom-operation`);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const { stdout } = await runExample('custom-operation/main.ts');
    const { network, spaces } = emulator.current.store.data;
    expect(stdout).toContain(`network: ${network.name}, `);
    expect(stdout).toContain(`${spaces.length} spaces`);
    expect(emulator.current.requestCount('networkOverview')).toBe(1);
  });

  it('emulator-vitest: the example suite passes under vitest', async () => {
    const finished = await spawn(BIN('vitest'), ['run', '--config', 'examples/emulator-vitest/vitest.config.ts', '--reporter=json'], {});
    expect(finished.code, finished.stdout + finished.stderr).toBe(0);
    const report = JSON.parse(finished.stdout) as { numPassedTests: number; numFailedTests: number };
    expect(report).toMatchObject({ numPassedTests: 3, numFailedTests: 0 });
  });

  it('webhook-app.ts receives the emulator deliveries, replies to a new post as the bot and answers an interaction', async () => {
    const port = await freePort();
    const signingSecret = 'whsec-example-app-1a2b3c';
    const url = `http://127.0.0.1:${port}/webhook`;
    const own = await startOwnEmulator({ webhooks: { url, signingSecret, maxAttempts: 8, retryDelayMs: 100 } });
    const app = await startExample(
      'webhook-app.ts',
      { TRIBE_CLIENT_ID: own.clientId, TRIBE_CLIENT_SECRET: own.clientSecret, TRIBE_API_URL: own.url, TRIBE_SIGNING_SECRET: signingSecret, PORT: String(port) },
      /listening on /,
    );
    try {
      expect(app.output()).toContain(`listening on ${url}`);
      await expect(own.webhooks!.urlCheck).resolves.toBe(true);
      const client = createTribeClient(appOptions(own));
      const author = own.memberIds[3]!;
      const { createPost } = await client.impersonate(author).createPost({
        spaceId: 'SpcGeneral',
        input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [{ key: 'title', type: 'text', value: JSON.stringify('From the example test') }] },
      });
      client.close();
      await own.webhooks!.idle();
      const replies = own.store.repliesTo(createPost.id);
      expect(replies.map((reply) => [reply.ownerId, reply.content])).toEqual([[own.store.data.apps[0]!.botMemberId, '<p>Welcome, Margaret Hamilton!</p>']]);
      const interaction = await own.webhooks!.interact({ actorId: author });
      expect(interaction.answer).toMatchObject({
        type: 'INTERACTION',
        status: 'SUCCEEDED',
        data: { interactions: [{ type: 'OPEN_TOAST', props: { title: 'Thanks!' } }] },
      });
      own.webhooks!.injectFault('bad-signature');
      await own.webhooks!.interact({ actorId: author });
    } finally {
      const output = await app.stop();
      expect(output).toMatch(/post\.published \S+: replied Rpl/);
      expect(output).toContain('webhook error: tribe-sdk: the webhook signature does not match');
      expect(output).not.toContain(signingSecret);
    }
  });

  it.skipIf(!withRedis)('cluster.ts: 4 forked workers share one mint and one rate limit through Redis', async () => {
    const { stdout } = await runExample('cluster.ts', { ...appEnv(), REDIS_URL: redis.current.url });
    expect(stdout).toContain('4 workers made 100 calls with 1 mint(s)');
    expect(emulator.current.requestCount('limitedToken')).toBe(1);
    expect(emulator.current.requestCount('network')).toBe(100);
  });

  it('every example type-checks', async () => {
    const finished = await spawn(BIN('tsc'), ['-p', 'examples/tsconfig.json', '--noEmit'], {});
    expect(finished.stdout + finished.stderr).toBe('');
    expect(finished.code).toBe(0);
  });
});
