import { describe, expect, it } from 'vitest';
import { createTribeClient, TribeAuthError, type CachedToken, type TokenCache, type TribeClientOptions } from '../../src/index.js';
import { watchForLeaks } from '../support/leak-watch.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
const leaks = watchForLeaks(emulator);

function client(extra: Partial<TribeClientOptions> = {}) {
  return createTribeClient({ ...appOptions(emulator.current), onEvent: leaks.current.onEvent, ...extra });
}

function tokenSubject(authorization: string | undefined): string | undefined {
  const payload = authorization?.split(' ')[1]?.split('.')[1];
  return payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { id: string }).id : undefined;
}

describe('token cache and single flight', () => {
  it('makes exactly one mint for 500 concurrent calls on a fresh client', async () => {
    const tribe = client();
    const results = await Promise.all(Array.from({ length: 500 }, () => tribe.sdk.network()));
    expect(results.every((result) => result.network.id === emulator.current.networkId)).toBe(true);
    expect(emulator.current.requestCount('limitedToken')).toBe(1);
    expect(emulator.current.requestCount('network')).toBe(500);
    expect(leaks.current.events.filter((event) => event.type === 'token-minted')).toHaveLength(1);
  });

  it('re-mints exactly once when 500 concurrent calls straddle a token expiry, and none fails', async () => {
    let clock = Date.now();
    const tribe = client({ now: () => clock });
    const first = await tribe.getAccessToken();
    emulator.current.injectFault({ operation: 'network', delayMs: 200 });
    const before = Array.from({ length: 250 }, () => tribe.sdk.network());
    await new Promise((resolve) => setTimeout(resolve, 50));
    clock = first.expiresAt! - 1; // inside the refresh margin: the cached token is expiring
    const after = Array.from({ length: 250 }, () => tribe.sdk.network());
    const results = await Promise.allSettled([...before, ...after]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
    const refreshed = leaks.current.events.filter((event) => event.type === 'token-refreshed');
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatchObject({ reason: 'expiring' });
    const sent = new Set(emulator.current.requests.filter((request) => request.operationName === 'network').map((request) => request.authorization));
    expect(sent.size).toBe(2);
  });

  it('refreshes a token refreshMarginMs before its exp, not after', async () => {
    let clock = Date.now();
    const tribe = client({ now: () => clock, refreshMarginMs: 120_000 });
    const first = await tribe.getAccessToken();
    clock = first.expiresAt! - 121_000;
    expect((await tribe.getAccessToken()).accessToken).toBe(first.accessToken);
    clock = first.expiresAt! - 119_000;
    expect((await tribe.getAccessToken()).accessToken).not.toBe(first.accessToken);
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
  });

  it('re-mints once when the server says the token expired, though the client clock says it is fresh', async () => {
    const shortLived = emulator.current.setTokenTtl(1);
    const frozen = Date.now();
    const tribe = client({ now: () => frozen });
    const token = await tribe.getAccessToken();
    shortLived.restore();
    while (Date.now() <= token.expiresAt! + 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const mintsBefore = emulator.current.requestCount('limitedToken');
    const results = await Promise.all(Array.from({ length: 50 }, () => tribe.sdk.network()));
    expect(results.every((result) => result.network.id === emulator.current.networkId)).toBe(true);
    expect(emulator.current.requestCount('limitedToken') - mintsBefore).toBe(1);
    expect(leaks.current.events.filter((event) => event.type === 'token-refreshed')).toEqual([expect.objectContaining({ reason: 'rejected' })]);
  });

  it('rejects every waiter of a failed mint with the same typed error and caches nothing', async () => {
    const tribe = client({ clientSecret: 'wrong-secret' });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => tribe.sdk.network()));
    const reasons = outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason : undefined));
    expect(reasons.every((reason) => reason instanceof TribeAuthError)).toBe(true);
    expect(new Set(reasons).size).toBe(1);
    leaks.current.errors.push(reasons[0]);
    expect(emulator.current.requestCount('limitedToken')).toBe(1);
    await leaks.current.failure(tribe.sdk.network());
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
  });

  it('never retries wrong client credentials, even with retries configured', async () => {
    const tribe = client({ clientSecret: 'wrong-secret', maxRetries: 5, baseDelayMs: 1 });
    expect(await leaks.current.failure(tribe.getAccessToken())).toBeInstanceOf(TribeAuthError);
    expect(emulator.current.requestCount('limitedToken')).toBe(1);
  });

  it('mints anew on forceRefresh', async () => {
    const tribe = client();
    const first = await tribe.getAccessToken();
    const second = await tribe.getAccessToken({ forceRefresh: true });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
  });

  it('reuses a token without exp until the API rejects it', async () => {
    const stored: Record<string, CachedToken> = {};
    const cache: TokenCache = {
      get: (key) => stored[key],
      set: (key, token) => void (stored[key] = token),
      delete: (key) => void delete stored[key],
    };
    const tribe = client({ tokenCache: cache, now: () => Date.now() + 10 * 365 * 24 * 3600_000 });
    const key = [new URL(emulator.current.url).href, emulator.current.clientId, emulator.current.networkId, 'bot'].map(encodeURIComponent).join('|');
    const real = await tribe.getAccessToken();
    stored[key] = { accessToken: real.accessToken, mintedAt: 0 };
    await tribe.sdk.network();
    expect(emulator.current.requestCount('limitedToken')).toBe(1);
    emulator.current.revokeTokens();
    await tribe.sdk.network();
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
  });
});

describe('rejected tokens', () => {
  it('re-mints once and succeeds when the token was revoked', async () => {
    const tribe = client();
    await tribe.sdk.network();
    emulator.current.revokeTokens();
    const { network } = await tribe.sdk.network();
    expect(network.id).toBe(emulator.current.networkId);
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
    expect(leaks.current.events.some((event) => event.type === 'token-refreshed' && event.reason === 'rejected')).toBe(true);
  });

  it('gives TribeAuthError after exactly 2 mints when the fresh token is rejected too', async () => {
    emulator.current.revokeNextTokens(2);
    const tribe = client();
    const error = await leaks.current.failure(tribe.sdk.network());
    expect(error).toBeInstanceOf(TribeAuthError);
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
    expect(emulator.current.requestCount('network')).toBe(2);
  });

  it('replaces a token rejected under a burst of calls with one mint', async () => {
    const tribe = client();
    await tribe.sdk.network();
    emulator.current.revokeTokens();
    await Promise.all(Array.from({ length: 100 }, () => tribe.sdk.network()));
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
  });
});

describe('impersonation', () => {
  it('holds 3 member tokens and the bot token at once, each used for its own calls', async () => {
    const tribe = client();
    const memberIds = emulator.current.memberIds.slice(0, 3);
    const sdks = [undefined, ...memberIds].map((id) => ({ id, sdk: id === undefined ? tribe.sdk : tribe.impersonate(id) }));
    const rounds = await Promise.all(
      Array.from({ length: 5 }, () => Promise.all(sdks.map(async ({ id, sdk }) => ({ id, me: (await sdk.authMember()).authMember.id })))),
    );
    for (const round of rounds) {
      for (const { id, me } of round) expect(me).toBe(id ?? 'BotDemoApp');
    }
    expect(emulator.current.requestCount('limitedToken')).toBe(4);
    const subjects = emulator.current.requests
      .filter((request) => request.operationName === 'authMember')
      .map((request) => tokenSubject(request.authorization));
    expect(new Set(subjects)).toEqual(new Set(['BotDemoApp', ...memberIds]));
    expect(tribe.impersonate(memberIds[0]!)).toBe(tribe.impersonate(memberIds[0]!));
  });

  it('shares tokens between clients through an async cache adapter', async () => {
    const backing = new Map<string, string>();
    const delay = () => new Promise((resolve) => setTimeout(resolve, 5));
    const cache: TokenCache = {
      async get(key) {
        await delay();
        const json = backing.get(key);
        return json === undefined ? undefined : (JSON.parse(json) as CachedToken);
      },
      async set(key, token, ttlMs) {
        await delay();
        expect(ttlMs).toBeGreaterThan(0);
        backing.set(key, JSON.stringify(token));
      },
      async delete(key) {
        await delay();
        backing.delete(key);
      },
    };
    const worker1 = client({ tokenCache: cache });
    const worker2 = client({ tokenCache: cache });
    await Promise.all(Array.from({ length: 50 }, () => worker1.sdk.network()));
    await Promise.all(Array.from({ length: 50 }, () => worker2.impersonate(emulator.current.memberIds[0]!).authMember()));
    await worker2.sdk.network();
    expect(emulator.current.requestCount('limitedToken')).toBe(2);
    expect(backing.size).toBe(2);
  });
});
