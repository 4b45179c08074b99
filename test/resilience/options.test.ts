import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTribeClient, TribeConfigError, type TribeEvent } from '../../src/index.js';
import { NetworkDocument, SpacesDocument } from '../../generated/sdk.js';
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

  it('rejects bad numbers, headers, functions and caches before sending anything, saying what is wrong', () => {
    const base = appOptions(emulator.current);
    const rejected: Array<[() => unknown, string]> = [
      [() => createTribeClient({ ...base, timeoutMs: -1 }), 'tribe-sdk: timeoutMs must be a number of ms from 1 to 2147483647'],
      [() => createTribeClient({ ...base, timeoutMs: 0 }), 'tribe-sdk: timeoutMs must be a number of ms from 1 to 2147483647'],
      [() => createTribeClient({ ...base, timeoutMs: 3e9 }), 'tribe-sdk: timeoutMs must be a number of ms from 1 to 2147483647'],
      [() => createTribeClient({ ...base, maxRetries: Number.NaN }), 'tribe-sdk: maxRetries must be an integer from 0 to 100'],
      [() => createTribeClient({ ...base, maxRetries: 1.5 }), 'tribe-sdk: maxRetries must be an integer from 0 to 100'],
      [() => createTribeClient({ ...base, refreshMarginMs: Number.NaN }), 'tribe-sdk: refreshMarginMs must be a number of ms from 0 to 2147483647'],
      [
        () => createTribeClient({ ...base, headers: new Headers() as never }),
        'tribe-sdk: header must be a plain object of strings (Headers instances and arrays are not sent)',
      ],
      [
        () => createTribeClient({ ...base, headers: null as never }),
        'tribe-sdk: header must be a plain object of strings (Headers instances and arrays are not sent)',
      ],
      [() => createTribeClient({ ...base, headers: { 'x-evil': 'a\r\nx-injected: 1' } }), 'tribe-sdk: header "x-evil" must be a string without CR, LF or NUL'],
      [() => createTribeClient({ ...base, headers: { 'bad name': 'x' } }), 'tribe-sdk: header name "bad name" must be an HTTP token'],
      [() => createTribeClient({ ...base, fetch: 'fetch' as never }), 'tribe-sdk: fetch must be a function'],
      [() => createTribeClient({ ...base, tokenCache: {} as never }), 'tribe-sdk: tokenCache must be an object with get, set and delete methods'],
      [() => createTribeClient({ ...base, retryMutations: 'yes' as never }), 'tribe-sdk: retryMutations must be true or false'],
      [() => createTribeClient(base).impersonate(''), 'tribe-sdk: memberId must be a non-empty string'],
      [() => createTribeClient(base).withOptions({ maxDelayMs: -1 }), 'tribe-sdk: maxDelayMs must be a number of ms from 0 to 2147483647'],
      [() => createTribeClient(base).withOptions({ signal: 'stop' as never }), 'tribe-sdk: signal must be an AbortSignal'],
    ];
    for (const [attempt, message] of rejected) {
      expect(attempt).toThrow(TribeConfigError);
      expect(attempt).toThrow(message);
    }
    expect(emulator.current.requestCount()).toBe(0);
  });

  it('rejects variables JSON cannot carry and unsafe per-call headers with nothing sent and no retry', async () => {
    const events: TribeEvent[] = [];
    const tribe = createTribeClient({ ...appOptions(emulator.current), onEvent: (event) => events.push(event) });
    const bigint = await tribe.sdk.spaces({ limit: 10n as never }).catch((caught: unknown) => caught);
    expect(bigint).toBeInstanceOf(TribeConfigError);
    expect((bigint as Error).message).toBe('tribe-sdk: the variables of spaces must be JSON-serialisable (Do not know how to serialize a BigInt)');
    const cyclic: Record<string, unknown> = { limit: 1 };
    cyclic.self = cyclic;
    const cycle = await tribe.sdk.spaces(cyclic as never).catch((caught: unknown) => caught);
    expect(cycle).toBeInstanceOf(TribeConfigError);
    expect((cycle as Error).message).toMatch(/^tribe-sdk: the variables of spaces must be JSON-serialisable \(.*circular/i);
    for (const [name, value] of [
      ['x-trace', 'a\nb'],
      ['x-trace', 'a\rb'],
      ['x-trace', 'a\0b'],
      ['x\nbad', 'v'],
    ] as const) {
      const error = await tribe.sdk.network(undefined, { [name]: value }).catch((caught: unknown) => caught);
      expect(error, `${JSON.stringify(name)}: ${JSON.stringify(value)}`).toBeInstanceOf(TribeConfigError);
    }
    expect(emulator.current.requestCount()).toBe(0);
    expect(events.filter((event) => event.type === 'retry' || event.type === 'request' || event.type === 'token-minted')).toEqual([]);
  });

  it('rejects variables holding a function, a Symbol, a Map or a Set, and per-call headers given as a Map or Headers, with nothing sent', async () => {
    const tribe = createTribeClient(appOptions(emulator.current));
    const lost: Array<[unknown, RegExp]> = [
      [{ limit: 10, filter: () => 1 }, /a function at "filter" would be dropped/],
      [{ limit: 10, tag: Symbol('tag') }, /a symbol at "tag" would be dropped/],
      [{ limit: 10, ids: new Map([['a', 1]]) }, /a Map at "ids" would be sent as \{\}/],
      [{ limit: 10, ids: new Set(['a']) }, /a Set at "ids" would be sent as \{\}/],
      [new Map([['limit', 10]]), /a Map at the top level/],
    ];
    for (const [variables, reason] of lost) {
      for (const send of [() => tribe.sdk.spaces(variables as never), () => tribe.request(SpacesDocument, variables as never)]) {
        const error = await send().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(TribeConfigError);
        expect((error as Error).message).toMatch(/^tribe-sdk: the variables of spaces must be JSON-serialisable/);
        expect((error as Error).message).toMatch(reason);
      }
    }
    for (const headers of [new Map([['x-trace', 'one']]), new Headers({ 'x-trace': 'one' })]) {
      const viaSdk = await tribe.sdk.network(undefined, headers as never).catch((caught: unknown) => caught);
      expect(viaSdk).toBeInstanceOf(TribeConfigError);
      expect((viaSdk as Error).message).toBe('tribe-sdk: requestHeaders must be a plain object of strings (Headers instances and arrays are not sent)');
      const viaRequest = await tribe.request(NetworkDocument, undefined, { headers: headers as never }).catch((caught: unknown) => caught);
      expect(viaRequest).toBeInstanceOf(TribeConfigError);
      const viaMember = await tribe
        .impersonate('member-1')
        .network(undefined, headers as never)
        .catch((caught: unknown) => caught);
      expect(viaMember).toBeInstanceOf(TribeConfigError);
    }
    expect(emulator.current.requestCount()).toBe(0);
    tribe.close();
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
    // The emulator and the CLI run on Node only, and so does the `node` entry (src/transport/node, index.node.ts).
    const library = sourceFiles('src').filter((path) => !/src[\\/](emulator|cli|transport[\\/]node)[\\/]|index\.node\.ts$/.test(path));
    expect(library.length).toBeGreaterThan(10);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const path of library) {
      const text = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const imported = [...text.matchAll(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
      expect(
        imported.filter((name) => builtins.has(name)),
        path,
      ).toEqual([]);
      expect(text, path).not.toMatch(/\bprocess\b|\bBuffer\b|\brequire\s*\(|__dirname|__filename/);
    }
  });
});
