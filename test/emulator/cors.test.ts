import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../packages/tools/src/emulator/index.js';
import { startOwnEmulator, useEmulator } from '../support/emulator.js';

const emulator = useEmulator({ corsOrigins: ['https://app.dev.test:8443'] });

/** A browser's preflight for the SDK's POST (JSON body and an Authorization header). */
function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

describe('the emulator over CORS', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'http://localhost', 'https://app.dev.test:8443'])(
    'lets a page from %s call it, without credentials',
    async (origin) => {
      const answer = await preflight(emulator.current.url, origin);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      const actual = await fetch(emulator.current.url, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      expect(actual.headers.get('access-control-allow-origin')).toBe(origin);
      expect(actual.headers.get('access-control-expose-headers')).toContain('retry-after');
    },
  );

  it.each([
    'http://evil.example',
    'https://localhost:5173',
    'http://localhost.evil.example',
    'http://127.0.0.1.evil.example:80',
    'null',
    'https://app.dev.test',
  ])('gives a page from %s no CORS headers at all', async (origin) => {
    for (const answer of [
      await preflight(emulator.current.url, origin),
      await fetch(emulator.current.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
    ]) {
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('allows only loopback origins when no origin is configured', async () => {
    const plain = await startOwnEmulator();
    expect((await preflight(plain.url, 'https://app.dev.test:8443')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(plain.url, 'http://localhost:4000')).headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
  });

  it.each(['*', 'http://localhost:3000/', 'localhost:3000', 'ftp://files.example', 'http://user@host.example'])(
    'refuses %s as a configured origin',
    async (origin) => {
      await expect(startEmulator({ corsOrigins: [origin] })).rejects.toThrow(/^tribe-sdk emulator: a CORS origin must be an http\(s\) origin/);
    },
  );
});
