import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../packages/tools/src/cli/demo-command.js';

const run = promisify(execFile);
const repo = new URL('../../', import.meta.url).pathname;
const FULL_JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const DEMO_BASIC = Buffer.from('demo-client-id:demo-client-secret').toString('base64');

/** Checks the walk-through the issue asks for, and that it shows no secret. */
function expectWalkThrough(output: string): void {
  const lines = output.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^tribe-sdk demo against the built-in emulator at http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  const steps = lines.filter((line) => /^\d\. /.test(line)).map((line) => Number(line[0]));
  expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(output).toMatch(/^1\. Minted a bot token with HTTP Basic auth: eyJ[\w-]{3}…\[redacted, \d+ chars\]$/m);
  expect(output).toMatch(/^3\. Spaces \(3\): General, Show and Tell, Crew Room$/m);
  expect(output).toMatch(/^4\. Acting as Linus Torvalds, created post \S+ "Hello from tribe-sdk" in General$/m);
  expect(output).toMatch(/^ {3}with image Med\w+ \(\d+ bytes\) uploaded to http:\/\/127\.0\.0\.1:\d+\/media\/Med\w+, embedded in its content$/m);
  expect(output).toMatch(/^5\. The bot reacted: like x1$/m);
  expect(output).toMatch(/^ {3}page 1: Hello from tribe-sdk \|/m);
  expect(output).toMatch(/^ {3}13 posts in 3 pages$/m);
  expect(output).toMatch(/TribeForbiddenError \[TRIBE_FORBIDDEN\]: .*must be published and installed on network NetOther002/);
  const postId = /^4\. .* created post (\S+) /m.exec(output)?.[1];
  expect(output).toContain(`8. The app's webhook handler at http://127.0.0.1:`);
  expect(output).toMatch(new RegExp(`^8\\. .*/webhook answered the URL check and received post\\.published for ${postId}$`, 'm'));
  expect(output).toMatch(/^ {3}it replied as the bot through the SDK: Rpl\S+ "Thanks for posting, Linus Torvalds!"$/m);
  expect(output).toMatch(/^ {3}5 signed deliveries, 5 answered 200: APP_INSTALLED, TEST, post\.published, reaction\.added$/m);
  expect(output).toMatch(/^9\. The emulator loaded the app's block "welcome" as MbrLinusT3, signed: a valid answer$/m);
  expect(output).toMatch(/^ {3}SHOW of a slate with Card, Card\.Header, Card\.Content, Form, Input, Button$/m);
  expect(output).toMatch(/^ {3}submitting its form \(callback "submit", name "Linus"\) answered OPEN_TOAST \+ SHOW: "Welcome, Linus!"$/m);
  expect(output).not.toMatch(/problem: /);
  expect(output).not.toMatch(/[0-9a-f]{48}/);
  expect(output).not.toMatch(FULL_JWT);
  expect(output).not.toContain('demo-client-secret');
  expect(output).not.toContain(DEMO_BASIC);
}

describe('npm start (the demo)', () => {
  it('walks through mint, spaces, impersonation, a reaction, paging, Forbidden and the webhook loop, with the token redacted', async () => {
    const lines: string[] = [];
    const code = await demoCommand({}, (line) => lines.push(line));
    expect(code).toBe(0);
    expectWalkThrough(`${lines.join('\n')}\n`);
  });

  it('runs as `node bin/tribe-sdk.js demo`, exits 0 and prints only the walk-through on stdout', { timeout: 60_000 }, async () => {
    const { stdout } = await run(process.execPath, ['packages/tools/bin/tribe-sdk.js', 'demo'], {
      cwd: repo,
      env: { PATH: process.env.PATH },
      timeout: 30_000,
    });
    expectWalkThrough(stdout);
  });
});
