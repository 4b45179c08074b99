import { describe, expect, it } from 'vitest';
import { createTribeClient, createTribeSdk, mintAccessToken, TribeConfigError, TribeError, type TribeAuthOptions } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

type Case = [name: string, change: (options: TribeAuthOptions, url: string) => TribeAuthOptions, message: string];

const cases: Case[] = [
  ['an empty client ID', (options) => ({ ...options, clientId: '' }), 'tribe-sdk: clientId must be a non-empty string'],
  ['a blank client ID', (options) => ({ ...options, clientId: '   ' }), 'tribe-sdk: clientId must be a non-empty string'],
  ['an empty client secret', (options) => ({ ...options, clientSecret: '' }), 'tribe-sdk: clientSecret must be a non-empty string'],
  ['an empty network ID', (options) => ({ ...options, networkId: '' }), 'tribe-sdk: networkId must be a non-empty string'],
  [
    'a client ID containing ":"',
    (options) => ({ ...options, clientId: 'demo:client-id' }),
    'tribe-sdk: clientId must be free of ":" (HTTP Basic auth cannot carry it)',
  ],
  ['an ftp endpoint', (options, url) => ({ ...options, endpoint: url.replace('http:', 'ftp:') }), 'tribe-sdk: endpoint must be an http(s) URL'],
  ['a relative endpoint', (options) => ({ ...options, endpoint: '/graphql' }), 'tribe-sdk: endpoint must be an absolute http(s) URL'],
  ['an endpoint that is not a URL', (options) => ({ ...options, endpoint: 'not a url' }), 'tribe-sdk: endpoint must be an absolute http(s) URL'],
  ['a file: endpoint', (options) => ({ ...options, endpoint: 'file:///etc/passwd' }), 'tribe-sdk: endpoint must be an http(s) URL'],
  ['an empty member ID for mintAccessToken', (options) => ({ ...options, memberId: '' }), 'tribe-sdk: memberId must be a non-empty string'],
];

describe('config errors, raised before any request', () => {
  it.each(cases)('%s: mintAccessToken, createTribeSdk and createTribeClient refuse it and the server sees nothing', async (_, change, message) => {
    const e = emulator.current;
    const options = change(appOptions(e), e.url);
    const minted = await mintAccessToken(options).catch((caught: unknown) => caught);
    expect(minted).toBeInstanceOf(TribeConfigError);
    expect(minted).toBeInstanceOf(TribeError);
    expect((minted as TribeConfigError).code).toBe('TRIBE_CONFIG');
    expect((minted as TribeConfigError).message).toBe(message);
    const { memberId, ...clientOptions } = options;
    if (memberId === undefined) {
      await expect(createTribeSdk(options)).rejects.toThrow(message);
      expect(() => createTribeClient(clientOptions)).toThrow(TribeConfigError);
      expect(() => createTribeClient(clientOptions)).toThrow(message);
    } else {
      expect(() => createTribeClient(clientOptions).impersonate(memberId)).toThrow(message);
    }
    expect(e.requestCount()).toBe(0);
  });

  it('an empty member ID: createTribeSdk refuses it before any request', async () => {
    const e = emulator.current;
    await expect(createTribeSdk({ ...appOptions(e), memberId: '' })).rejects.toThrow(new TribeConfigError('tribe-sdk: memberId must be a non-empty string'));
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
