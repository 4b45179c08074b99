import { describe, expect, it } from 'vitest';
import {
  createTribeClient,
  MemoryTokenCache,
  TribeAbortError,
  TribeAuthError,
  type CachedToken,
  type TokenCache,
  type TribeClientOptions,
} from '../../src/index.js';
import { watchForLeaks } from '../support/leak-watch.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator({ gatewayUrl: true });
const leaks = watchForLeaks(emulator);

function client(extra: Partial<TribeClientOptions> = {}) {
  return createTribeClient({ ...appOptions(emulator.current), onEvent: leaks.current.onEvent, ...extra });
}

/** A token cache over a Map the test can look into. */
function mapCache(): { tokenCache: TokenCache; stored: Map<string, CachedToken> } {
  const stored = new Map<string, CachedToken>();
  return {
    stored,
    tokenCache: { get: (key) => stored.get(key), set: (key, token) => void stored.set(key, token), delete: (key) => void stored.delete(key) },
  };
}

describe('client edge cases', () => {
  it('sends nothing for a call whose signal is already aborted, and a failing mint is never an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const tribe = client({ clientSecret: 'wrong-secret' });
      expect(await leaks.current.failure(tribe.sdk.network(undefined, undefined, AbortSignal.abort()))).toBeInstanceOf(TribeAbortError);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(emulator.current.requestCount()).toBe(0);
      const waiter = new AbortController();
      const abandoned = tribe.withOptions({ signal: waiter.signal }).network();
      waiter.abort();
      expect(await leaks.current.failure(abandoned)).toBeInstanceOf(TribeAbortError);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(emulator.current.requestCount('limitedToken')).toBe(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('honours a client-wide signal on every SDK and on getAccessToken', async () => {
    const tribe = client({ signal: AbortSignal.abort() });
    expect(await leaks.current.failure(tribe.sdk.network())).toBeInstanceOf(TribeAbortError);
    expect(await leaks.current.failure(tribe.impersonate(emulator.current.memberIds[0]!).authMember())).toBeInstanceOf(TribeAbortError);
    expect(await leaks.current.failure(tribe.withOptions({ timeoutMs: 5_000 }).network())).toBeInstanceOf(TribeAbortError);
    expect(await leaks.current.failure(tribe.getAccessToken())).toBeInstanceOf(TribeAbortError);
    expect(emulator.current.requestCount()).toBe(0);
  });

  it('sends a token to its own gatewayUrl, also when another client minted it into a shared cache', async () => {
    const tokenCache = new MemoryTokenCache();
    await client({ tokenCache }).sdk.network();
    await client({ tokenCache }).sdk.network();
    const paths = emulator.current.requests.map((request) => `${request.operationName} ${request.path}`);
    expect(paths).toEqual(['limitedToken /graphql', 'network /gateway', 'network /gateway']);
  });

  it('is not changed by an event listener that throws: a mutation is sent once and succeeds', async () => {
    const tribe = client({
      retryMutations: true,
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    const { createPost } = await tribe.sdk.createPost({
      spaceId: 'SpcGeneral',
      input: { postTypeId: 'PtyDiscuss', publish: true, mappingFields: [{ key: 'title', type: 'text', value: '"Listener bug"' }] },
    });
    expect(createPost.title).toBe('Listener bug');
    expect(emulator.current.requestCount('createPost')).toBe(1);
  });

  it('drops a rejected token from a shared cache even when the fresh mint fails', async () => {
    const { tokenCache, stored } = mapCache();
    const tribe = client({ tokenCache });
    await tribe.sdk.network();
    emulator.current.revokeTokens();
    emulator.current.injectFault({ operation: 'limitedToken', status: 401 });
    expect(stored.size).toBe(1);
    expect(await leaks.current.failure(tribe.sdk.network())).toBeInstanceOf(TribeAuthError);
    expect(stored.size).toBe(0);
  });

  it('ends a mint in flight at close() with TribeAbortError, and stores nothing', async () => {
    const { tokenCache, stored } = mapCache();
    emulator.current.injectFault({ operation: 'limitedToken', delayMs: 5_000, times: 1 });
    const tribe = client({ tokenCache });
    const minting = tribe.getAccessToken().catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    tribe.close();
    const error = await minting;
    // Settled by close() itself, not by the server answering 5 s later.
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(error).toBeInstanceOf(TribeAbortError);
    expect((error as Error).message).toBe('tribe-sdk: this client was closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stored.size).toBe(0);
  });
});
