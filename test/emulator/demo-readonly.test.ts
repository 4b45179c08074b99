import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../packages/tools/src/cli/demo-command.js';
import { createTribeClient } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

describe('`npm start` with TRIBE_* set', () => {
  it('runs only the read-only walk against that endpoint, without printing secrets', async () => {
    const e = emulator.current;
    const lines: string[] = [];
    const env = { TRIBE_CLIENT_ID: e.clientId, TRIBE_CLIENT_SECRET: e.clientSecret, TRIBE_NETWORK_ID: e.networkId, TRIBE_API_URL: e.url };
    expect(await demoCommand(env, (line) => lines.push(line))).toBe(0);
    expect(e.requestCount('createPost')).toBe(0);
    expect(e.requestCount('addReaction')).toBe(0);
    expect(e.requestCount('authMember')).toBe(0);
    // Every credential the walk sent: the Basic header value and each bearer token.
    const credentials = [...new Set(e.requests.flatMap((request) => request.authorization?.split(' ')[1] ?? []))];
    expect(credentials.length).toBeGreaterThanOrEqual(2);
    for (const secret of [e.clientSecret, ...credentials]) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }

    // The expected lines, read after the walk so that these requests do not count above.
    const client = createTribeClient(appOptions(e));
    const [{ network }, { spaces }] = await Promise.all([client.sdk.network(), client.sdk.spaces({ limit: 10 })]).finally(() => client.close());
    expect(lines[0]).toBe(`tribe-sdk demo against ${e.url} (read-only)`);
    expect(lines).toContainEqual(expect.stringMatching(/^1\. Minted a bot token with HTTP Basic auth: .*redacted/));
    expect(lines).toContain(`2. Network: ${network.name} (${network.id})`);
    expect(lines).toContain(`3. Spaces (${spaces.totalCount}): ${spaces.nodes?.map((space) => space.name).join(', ')}`);
    expect(lines.filter((line) => /^[4-9]\. /.test(line))).toEqual([]);
  });
});
