import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildSlate, ui } from '../../src/slate/index.js';
import { APP_SECRET, scriptedApp } from './app-server.js';

const repo = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

/** What `tribe-sdk emulator` prints first. */
interface EmulatorLine {
  url: string;
  previewUrl?: string;
}

/** Starts `tribe-sdk emulator` with the given flags; resolves with the JSON line it printed and what it writes to stderr. */
async function spawnEmulator(args: string[]): Promise<{ line: EmulatorLine; stderr: () => string }> {
  const child = spawn(process.execPath, ['packages/tools/bin/tribe-sdk.js', 'emulator', ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH, TRIBE_WEBHOOK_SECRET: APP_SECRET },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  onTestFinished(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve({ line: JSON.parse(stdout.slice(0, stdout.indexOf('\n'))) as EmulatorLine, stderr: () => stderr });
    });
    void exited.then((code) => reject(new Error(`the emulator exited (${String(code)}): ${stderr}`)));
  });
}

/** Runs `tribe-sdk interact`; resolves with its exit code, its JSON line and its stderr. */
async function interact(args: string[]): Promise<{ code: number; result: Record<string, any> | undefined; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['packages/tools/bin/tribe-sdk.js', 'interact', ...args], {
      cwd: repo,
      env: { PATH: process.env.PATH },
    });
    return { code: 0, result: JSON.parse(stdout) as Record<string, any>, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, result: failed.stdout ? (JSON.parse(failed.stdout) as Record<string, any>) : undefined, stderr: failed.stderr };
  }
}

describe('tribe-sdk emulator with an app, and tribe-sdk interact (child processes)', () => {
  it('registers the app from flags, prints previewUrl, and interact asks the app and prints the checked answer', { timeout: 90_000 }, async () => {
    const { webhookUrl } = await scriptedApp({
      interaction: (event) => {
        const id = event.data.interactionId;
        if (event.data.callbackId === 'lower')
          return { type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions: [{ id, type: 'OPEN_TOAST', props: { status: 'info', title: 'x' } }] } };
        const text = event.data.callbackId === 'submit' ? `Voted ${String((event.data.inputs as Record<string, unknown>).choice)}` : 'Vote here';
        return { type: 'INTERACTION', status: 'SUCCEEDED', data: { interactions: [{ id, type: 'SHOW', slate: buildSlate(ui.Text({ value: text })) }] } };
      },
    });
    const emulator = await spawnEmulator([
      '--webhook-url',
      webhookUrl,
      '--interaction-url',
      `${webhookUrl}/interaction`,
      '--block',
      'poll',
      '--shortcut',
      'star',
    ]);
    expect(emulator.line.previewUrl).toBe(emulator.line.url.replace(/\/graphql$/, '/preview'));
    expect(await (await fetch(emulator.line.previewUrl!)).text()).toContain('href="/preview/blocks/poll"');

    const load = await interact(['--emulator', emulator.line.url, '--block', 'poll']);
    expect(load.code).toBe(0);
    expect(load.result).toMatchObject({ valid: true, block: 'block poll', interactions: [{ type: 'SHOW' }] });
    const submit = await interact(['--emulator', emulator.line.url, '--block', 'poll', '--callback', 'submit', '--inputs', '{"choice":"Go"}']);
    expect(JSON.stringify(submit.result?.interactions[0].slate)).toContain('Voted Go');

    const bad = await interact(['--emulator', emulator.line.url, '--block', 'poll', '--callback', 'lower']);
    expect(bad.code).toBe(1);
    expect(bad.result?.problems).toEqual(['data.interactions[0].props.status must be one of SUCCESS, ERROR, WARNING, INFO, NEUTRAL, not "info"']);
    expect(emulator.stderr()).toContain(`tribe-sdk emulator: the app's answer for block poll is invalid: data.interactions[0].props.status must be one of`);

    const unknown = await interact(['--emulator', emulator.line.url, '--block', 'nope']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, 'tribe-sdk emulator: the app registered no block "nope" (blocks: poll, settings)']);
    const remote = await interact(['--emulator', 'http://example.test/graphql', '--block', 'poll']);
    expect([remote.code, remote.stderr.trim()]).toEqual([2, 'tribe-sdk: --emulator must be the http URL of an emulator on this machine']);
  });

  it('refuses app flags without --webhook-url', { timeout: 60_000 }, async () => {
    const refused = await run(process.execPath, ['packages/tools/bin/tribe-sdk.js', 'emulator', '--block', 'poll'], { cwd: repo }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('need --webhook-url') });
  });
});
