import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basicAuthorization } from '../../src/auth/authorization-header.js';
import { readJwtExpiry } from '../../src/index.js';

const text = fc.string({ unit: 'binary', maxLength: 64 });
const clientId = text.filter((value) => !value.includes(':'));

/** Lone surrogates cannot be encoded as UTF-8; TextEncoder writes U+FFFD for them, as every fetch does. */
function wellFormed(value: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(value));
}

function base64Url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

describe('basicAuthorization', () => {
  it('round-trips: base64 decodes to the UTF-8 bytes of id:secret, split at the first colon', () => {
    fc.assert(
      fc.property(clientId, text, (id, secret) => {
        const header = basicAuthorization(id, secret);
        expect(header).toMatch(/^Basic [A-Za-z0-9+/]*={0,2}$/);
        const bytes = Buffer.from(header.slice('Basic '.length), 'base64');
        expect(bytes.equals(Buffer.from(`${id}:${secret}`, 'utf8'))).toBe(true);
        const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        const colon = decoded.indexOf(':');
        expect(decoded.slice(0, colon)).toBe(wellFormed(id));
        expect(decoded.slice(colon + 1)).toBe(wellFormed(secret));
      }),
      { numRuns: 500 },
    );
  });

  it('matches a known value', () => {
    expect(basicAuthorization('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(basicAuthorization('id', 'sécret-密码-🔑')).toBe(`Basic ${Buffer.from('id:sécret-密码-🔑').toString('base64')}`);
  });
});

describe('readJwtExpiry', () => {
  it('never throws on arbitrary strings, and returns undefined or a finite number', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(fc.string(), { maxLength: 4 }).map((parts) => parts.join('.')),
        ),
        (token) => {
          const expiry = readJwtExpiry(token);
          expect(expiry === undefined || Number.isFinite(expiry)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on any JSON payload, and reads exp only when it is a finite number', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (payload) => {
        const token = `${base64Url('{"alg":"HS256"}')}.${base64Url(JSON.stringify(payload) ?? '')}.sig`;
        const exp = (payload as { exp?: unknown } | null)?.exp;
        expect(readJwtExpiry(token)).toBe(typeof exp === 'number' && typeof payload === 'object' && !Array.isArray(payload) ? exp * 1000 : undefined);
      }),
      { numRuns: 500 },
    );
  });

  it('reads exp in epoch milliseconds, with or without base64url padding characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 253_402_300_799 }), fc.string(), (exp, name) => {
        const token = `${base64Url('{"alg":"HS256","typ":"JWT"}')}.${base64Url(JSON.stringify({ name, exp }))}.c2ln`;
        expect(readJwtExpiry(token)).toBe(exp * 1000);
      }),
    );
  });
});
