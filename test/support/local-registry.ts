import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectSuccess, REPO, run } from '../consumer/pack.js';
import { freePort } from './free-port.js';

/** The two names this repository publishes: the local registry serves them only from what was published to it. */
const OWN_PACKAGES = ['tribe-sdk', 'tribe-sdk-tools'];
const START_LIMIT_MS = 30_000;

/** A verdaccio of the test's own on 127.0.0.1, with an npm user config that installs from it and may publish to it. */
export interface LocalRegistry {
  url: string;
  /** An npmrc whose registry is this one, with a publish token for it. */
  userconfig: string;
  /** The environment for an npm command that should see this registry and nothing of the caller's npm setup. */
  npmEnv(): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/**
 * Our two packages are served only from what was published here (never proxied, so a same-named package elsewhere
 * cannot stand in). Their dependencies are proxied to the one registry npm is configured with, as a user's install meets them;
 * a few failed fetches do not mark it offline for minutes (verdaccio's default after two), so npm's own retries can work.
 */
function config(storage: string, htpasswd: string, upstream: string): string {
  const own = OWN_PACKAGES.map((name) => `  '${name}':\n    access: $all\n    publish: $authenticated\n`).join('');
  return `storage: ${JSON.stringify(storage)}
auth:
  htpasswd:
    file: ${JSON.stringify(htpasswd)}
    max_users: 1
uplinks:
  configured:
    url: ${JSON.stringify(upstream)}
    timeout: 60s
    maxage: 30m
    max_fails: 20
    fail_timeout: 10s
packages:
${own}  '**':
    access: $all
    publish: $authenticated
    proxy: configured
web:
  enable: false
max_body_size: 20mb
log: { type: stdout, format: pretty, level: warn }
`;
}

/** Polls the registry's ping route until it answers, the process exits, or the limit passes. */
async function waitUntilUp(url: string, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + START_LIMIT_MS;
  while (Date.now() < deadline && !exited()) {
    const ok = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`verdaccio did not start on ${url}:\n${output()}`);
}

/** Adds the one user and returns its token, as `npm adduser` would. */
async function addUser(url: string): Promise<string> {
  const name = 'publisher';
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `local-${process.pid}-${Date.now()}` }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || typeof body.token !== 'string') throw new Error(`verdaccio refused the user: ${response.status}`);
  return body.token;
}

/** One setting of npm as configured for the user running the tests. */
async function npmConfig(key: string): Promise<string> {
  return expectSuccess(`npm config get ${key}`, await run('npm', ['config', 'get', key], { cwd: REPO })).stdout.trim();
}

/** Starts verdaccio (the devDependency) with a temporary config and storage; `close()` stops it and removes both. */
export async function startLocalRegistry(): Promise<LocalRegistry> {
  const upstream = await npmConfig('registry');
  // Verdaccio reaches that registry trusting what npm trusts: the extra CAs Node is given here, else npm's cafile.
  const cafile = process.env.NODE_EXTRA_CA_CERTS ?? (await npmConfig('cafile'));
  const dir = await mkdtemp(join(tmpdir(), 'tribe-sdk-registry-'));
  const configFile = join(dir, 'config.yaml');
  await writeFile(configFile, config(join(dir, 'storage'), join(dir, 'htpasswd'), upstream));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    [join(REPO, 'node_modules', 'verdaccio', 'bin', 'verdaccio'), '--config', configFile, '--listen', `127.0.0.1:${port}`],
    {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, ...(cafile === 'null' || cafile === '' ? {} : { NODE_EXTRA_CA_CERTS: cafile }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(
      url,
      () => child.exitCode !== null,
      () => output,
    );
    const userconfig = join(dir, 'npmrc');
    await writeFile(userconfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${await addUser(url)}\n`);
    const npmEnv = (): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      npm_config_userconfig: userconfig,
      npm_config_registry: url,
      npm_config_update_notifier: 'false',
      // The lockfile says where each package came from, whatever the machine's own npmrc prefers.
      npm_config_omit_lockfile_registry_resolved: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    });
    return { url, userconfig, npmEnv, close };
  } catch (error) {
    await close();
    throw error;
  }
}
