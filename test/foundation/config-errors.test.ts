import { describe, expect, it } from 'vitest';
import { createTribeClient, createTribeSdk, mintAccessToken, TribeConfigError, TribeError, type TribeAuthOptions } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

type Case = [name: string, change: (options: TribeAuthOptions, url: string) => TribeAuthOptions];

const cases: Case[] = [
  ['an empty client ID', (options) => ({ ...options, clientId: '' })],
  ['a blank client ID', (options) => ({ ...options, clientId: '   ' })],
  ['an empty client secret', (options) => ({ ...options, clientSecret: '' })],
  ['an empty network ID', (options) => ({ ...options, networkId: '' })],
  ['a client ID containing ":"', (options) => ({ ...options, clientId: 'demo:client-id' })],
  ['an ftp endpoint', (options, url) => ({ ...options, endpoint: url.replace('http:', 'ftp:') })],
  ['a relative endpoint', (options) => ({ ...options, endpoint: '/graphql' })],
  ['an endpoint that is not a URL', (options) => ({ ...options, endpoint: 'not a url' })],
  ['a file: endpoint', (options) => ({ ...options, endpoint: 'file:///etc/passwd' })],
  ['an empty member ID for mintAccessToken', (options) => ({ ...options, memberId: '' })],
];

describe('config errors, raised before any request', () => {
  it.each(cases)('%s: mintAccessToken, createTribeSdk and createTribeClient refuse it and the server sees nothing', async (_, change) => {
    const e = emulator.current;
    const options = change(appOptions(e), e.url);
    const minted = await mintAccessToken(options).catch((caught: unknown) => caught);
    expect(minted).toBeInstanceOf(TribeConfigError);
    expect(minted).toBeInstanceOf(TribeError);
    expect((minted as TribeConfigError).code).toBe('TRIBE_CONFIG');
    expect((minted as TribeConfigError).message).toMatch(/^tribe-sdk: /);
    const { memberId, ...clientOptions } = options;
    if (memberId === undefined) {
      await expect(createTribeSdk(options)).rejects.toBeInstanceOf(TribeConfigError);
      expect(() => createTribeClient(clientOptions)).toThrow(TribeConfigError);
    } else {
      expect(() => createTribeClient(clientOptions).impersonate(memberId)).toThrow(TribeConfigError);
    }
    expect(e.requestCount()).toBe(0);
  });

  it('an empty member ID: createTribeSdk refuses it before any request', async () => {
    const e = emulator.current;
    await expect(createTribeSdk({ ...appOptions(e), memberId: '' })).rejects.toBeInstanceOf(TribeConfigError);
    expect(e.requestCount()).toBe(0);
  });

  it('never shows the credentials of an invalid endpoint', async () => {
    const e = emulator.current;
    const endpoint = e.url.replace('http://', 'ftp://leaky-id:leaky-secret-123@');
    const error = (await mintAccessToken({ networkId: e.networkId, endpoint }).catch((caught: unknown) => caught)) as TribeConfigError;
    expect(error).toBeInstanceOf(TribeConfigError);
    for (const view of [error.message, String(error), JSON.stringify(error), error.stack ?? '']) {
      expect(view).not.toContain('leaky-secret-123');
      expect(view).not.toContain('leaky-id');
    }
    expect(e.requestCount()).toBe(0);
  });

  it('refuses credentials given both in the URL and as options when they differ', async () => {
    const e = emulator.current;
    const endpoint = e.url.replace('http://', 'http://other-id:other-secret@');
    await expect(mintAccessToken({ ...appOptions(e), endpoint })).rejects.toBeInstanceOf(TribeConfigError);
    expect(e.requestCount()).toBe(0);
  });
});
