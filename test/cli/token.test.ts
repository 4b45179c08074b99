import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import type { RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import { runBin } from './run-bin.js';

const emulator = useEmulator();

function credentials(current: RunningEmulator): Record<string, string> {
  return {
    TRIBE_CLIENT_ID: current.clientId,
    TRIBE_CLIENT_SECRET: current.clientSecret,
    TRIBE_NETWORK_ID: current.networkId,
    TRIBE_API_URL: current.url,
  };
}

async function queryWithBearer(url: string, token: string, query: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

describe('tribe-sdk token', () => {
  it('prints only a token that the emulator accepts as a bearer', async () => {
    const run = await runBin(['token'], credentials(emulator.current));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const token = run.stdout.trim();
    const { status, body } = await queryWithBearer(emulator.current.url, token, '{ network { id } }');
    expect(status).toBe(200);
    // The emulator reports each answer's cost, as Tribe does.
    expect(body).toEqual({ data: { network: { id: emulator.current.networkId } }, extensions: { complexity: 1 } });
    expect(emulator.current.requestCount('limitedToken')).toBe(1);
  });

  it('prints JSON with an ISO expiry and acts as --member', async () => {
    const memberId = emulator.current.memberIds[1]!;
    const run = await runBin(['token', '--json', '--member', memberId], credentials(emulator.current));
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { accessToken: string; expiresAt: string; gatewayUrl: string | null };
    expect(Object.keys(printed).sort()).toEqual(['accessToken', 'expiresAt', 'gatewayUrl']);
    expect(new Date(printed.expiresAt).toISOString()).toBe(printed.expiresAt);
    expect(Date.parse(printed.expiresAt)).toBeGreaterThan(Date.now());
    expect(printed.gatewayUrl).toBeNull();
    const { body } = await queryWithBearer(emulator.current.url, printed.accessToken, '{ authMember { id } }');
    expect(body.data.authMember.id).toBe(memberId);
  });

  it('takes the network from --network over TRIBE_NETWORK_ID', async () => {
    const env = { ...credentials(emulator.current), TRIBE_NETWORK_ID: 'NoSuchNetwork' };
    const run = await runBin(['token', '--network', emulator.current.networkId], env);
    expect(run.code).toBe(0);
    const { body } = await queryWithBearer(emulator.current.url, run.stdout.trim(), '{ network { id } }');
    expect(body.data.network.id).toBe(emulator.current.networkId);
  });

  it('exits 2 with one line naming the missing variables', async () => {
    const run = await runBin(['token'], { TRIBE_CLIENT_ID: emulator.current.clientId, TRIBE_API_URL: emulator.current.url });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('TRIBE_CLIENT_SECRET');
    expect(run.stderr).toContain('TRIBE_NETWORK_ID');
    expect(run.stderr).not.toContain('TRIBE_CLIENT_ID,');
    expect(emulator.current.requestCount()).toBe(0);
  });

  it('exits 2 on an unknown option, so a secret cannot be passed as an argument', async () => {
    const run = await runBin(['token', '--client-secret', 'x'], credentials(emulator.current));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tribe-sdk token: Unknown option '--client-secret'/);
    expect(emulator.current.requestCount()).toBe(0);
  });

  it.each([[[] as string[]], [['--verbose']]])('on a wrong secret exits 1 with one line, no stack and no secret (%j)', async (extra) => {
    const wrongSecret = 'wrong-secret-ZX81';
    const run = await runBin(['token', ...extra], { ...credentials(emulator.current), TRIBE_CLIENT_SECRET: wrongSecret });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^tribe-sdk: .*rejected/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toContain(wrongSecret);
    expect(run.stderr).not.toContain(Buffer.from(`${emulator.current.clientId}:${wrongSecret}`).toString('base64'));
  });
});

describe('tribe-sdk --help and --version', () => {
  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await runBin(['--version'], {})).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists the token command in --help and explains it in token --help', async () => {
    const help = await runBin(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^\s+token \[--network ID\] \[--member ID\] \[--json\]/m);
    const tokenHelp = await runBin(['token', '--help'], {});
    expect(tokenHelp.code).toBe(0);
    expect(tokenHelp.stdout).toContain('Authorization: Bearer $(tribe-sdk token)');
  });

  it('explains the schema commands in schema --help, and in schema alone with exit 2', async () => {
    const help = await runBin(['schema', '--help'], {});
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: tribe-sdk schema <pull\|validate>/);
    expect(help.stdout).toMatch(/^\s+schema pull\s+write a sorted snapshot/m);
    expect(help.stdout).toMatch(/^\s+schema validate\s+check every operation/m);
    const bare = await runBin(['schema'], {});
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
    const unknown = await runBin(['schema', 'frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "schema frobnicate"');
  });

  it('exits 2 on an unknown command', async () => {
    const run = await runBin(['frobnicate'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command');
  });
});
