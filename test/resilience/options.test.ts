import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTribeClient, TribeConfigError, type TribeEvent } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('client options', () => {
  it('sends client headers and per-call headers, and our Authorization wins over theirs', async () => {
    const seen: Array<Record<string, string>> = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      seen.push(Object.fromEntries(new Headers(init?.headers)));
      return fetch(input, init);
    };
    const tribe = createTribeClient({ ...appOptions(emulator.current), fetch: recordingFetch, headers: { 'x-app': 'demo' } });
    await tribe.sdk.network(undefined, { 'x-call': 'one', Authorization: 'Bearer not-this-one' });
    await tribe.withOptions({ headers: { 'x-scope': 'scoped' } }).network();
    const calls = seen.filter((headers) => headers.authorization?.startsWith('Bearer'));
    expect(calls[0]).toMatchObject({ 'x-app': 'demo', 'x-call': 'one' });
    expect(calls[0]!.authorization).not.toContain('not-this-one');
    expect(emulator.current.requests.find((request) => request.operationName === 'network')?.authorization).toBe(calls[0]!.authorization);
    expect(calls[1]).toMatchObject({ 'x-app': 'demo', 'x-scope': 'scoped' });
    expect(calls.every((headers) => headers['user-agent']?.startsWith('tribe-sdk/'))).toBe(true);
    expect(emulator.current.requests.at(-1)?.authorization).toBe(calls[1]!.authorization);
  });

  it('rejects bad numbers, headers, functions and caches before sending anything', () => {
    const base = appOptions(emulator.current);
    expect(() => createTribeClient({ ...base, timeoutMs: -1 })).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, maxRetries: Number.NaN })).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, headers: new Headers() as never })).toThrow(TribeConfigError);
    expect(() => createTribeClient(base).impersonate('')).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, timeoutMs: 3e9 })).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, timeoutMs: 0 })).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, maxRetries: 1.5 })).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, refreshMarginMs: Number.NaN })).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, headers: { 'x-evil': 'a\r\nx-injected: 1' } })).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, headers: null as never })).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, fetch: 'fetch' as never })).toThrow(TribeConfigError);
    expect(() => createTribeClient({ ...base, tokenCache: {} as never })).toThrow(TribeConfigError);
    expect(() => createTribeClient(base).withOptions({ maxDelayMs: -1 })).toThrow(TribeConfigError);
    expect(emulator.current.requestCount()).toBe(0);
  });

  it('fails calls after close()', async () => {
    const tribe = createTribeClient(appOptions(emulator.current));
    await tribe.sdk.network();
    tribe.close();
    await expect(tribe.sdk.network()).rejects.toBeInstanceOf(TribeConfigError);
    await expect(tribe.getAccessToken()).rejects.toBeInstanceOf(TribeConfigError);
  });
});

describe('events', () => {
  it('reports token-minted, request, retry and response, with the credentials redacted', async () => {
    const events: TribeEvent[] = [];
    const tribe = createTribeClient({ ...appOptions(emulator.current), baseDelayMs: 1, onEvent: (event) => events.push(event) });
    emulator.current.injectFault({ operation: 'network', status: 503, times: 1 });
    await tribe.sdk.network();
    expect(events.map((event) => event.type)).toEqual(['token-minted', 'request', 'response', 'retry', 'request', 'response']);
    expect(events[0]).toMatchObject({ networkId: emulator.current.networkId, memberId: undefined, reason: 'missing' });
    expect(events[1]).toMatchObject({ operationName: 'network', attempt: 1, headers: { authorization: 'Bearer [redacted]' } });
    expect(events[2]).toMatchObject({ ok: false, status: 503, errorCode: 'TRIBE_NETWORK' });
    expect(events[3]).toMatchObject({ operationName: 'network', retry: 1, status: 503 });
    expect(events[5]).toMatchObject({ ok: true, attempt: 2, status: 200 });
  });
});

describe('runtime independence', () => {
  it('keeps the library free of process.env and Node built-ins', () => {
    // The emulator and the CLI run on Node only, and so does the `node` entry (src/node, index.node.ts).
    const library = sourceFiles('src').filter((path) => !/src[\\/](emulator|cli|node)[\\/]|index\.node\.ts$/.test(path));
    expect(library.length).toBeGreaterThan(10);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const path of library) {
      const text = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const imported = [...text.matchAll(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
      expect(imported.filter((name) => builtins.has(name)), path).toEqual([]);
      expect(text, path).not.toMatch(/\bprocess\b|\bBuffer\b|\brequire\s*\(|__dirname|__filename/);
    }
  });
});
