import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTribeClient, MemoryTokenCache } from '../../src/index.js';
import { startScriptedServer, type ScriptedServer } from '../transport/scripted-server.js';

const MINUTE = 60_000;

describe('what a client keeps for members it no longer serves', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());

  it('drops expired entries of the default cache as it is used, without close()', async () => {
    const clock = { now: 1_000_000 };
    const cache = new MemoryTokenCache({ now: () => clock.now });
    for (let member = 0; member < 500; member++) cache.set(`m${member}`, { accessToken: `t${member}`, mintedAt: clock.now }, 30 * MINUTE);
    // The bot's entry, read again and again, sits at the recent end: expiry order is not use order.
    cache.set('bot', { accessToken: 'bot', mintedAt: clock.now }, 10 * 60 * MINUTE);
    cache.get('m0');
    expect(cache.size).toBe(501);
    clock.now += 31 * MINUTE;
    expect(cache.get('bot')?.accessToken).toBe('bot');
    expect(cache.size).toBe(1);
  });

  it('lets go of member SDKs idle for ten minutes of its clock as calls go on, and builds them again when asked', async () => {
    const clock = { now: Date.now() };
    const tribe = createTribeClient({ clientId: 'app', clientSecret: 'secret-value', networkId: 'net-1', endpoint: server.url, now: () => clock.now });
    const first = tribe.impersonate('member-1');
    await first.network();
    expect(tribe.impersonate('member-1')).toBe(first);
    clock.now += 5 * MINUTE;
    await tribe.sdk.network();
    expect(tribe.impersonate('member-1')).toBe(first);
    clock.now += 11 * MINUTE;
    await tribe.sdk.network();
    const again = tribe.impersonate('member-1');
    expect(again).not.toBe(first);
    await expect(again.network()).resolves.toMatchObject({ network: { id: 'net-1' } });
    tribe.close();
  });
});
