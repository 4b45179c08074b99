import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactHeaders } from '../../src/index.js';
import { scrubUrlCredentials } from '../../src/redact.js';
import { sanitizeData } from '../../src/scrub.js';

describe('redaction helpers', () => {
  it('never lets a credential header value through, whatever its shape', () => {
    const secret = fc.string({ minLength: 8 }).filter((text) => !text.includes(' ') && text.trim() === text);
    fc.assert(
      fc.property(secret, fc.constantFrom('Authorization', 'proxy-authorization', 'Cookie', 'set-cookie', 'X-Api-Key', 'x-auth-token'), (value, name) => {
        const shown = JSON.stringify(redactHeaders({ [name]: value, other: 'kept' }));
        return !shown.includes(JSON.stringify(value).slice(1, -1)) && shown.includes('kept');
      }),
    );
    expect(redactHeaders({ authorization: 'Bearer abc.def.ghi' })).toEqual({ authorization: 'Bearer [redacted]' });
  });

  it('scrubs credentials out of URLs in text', () => {
    expect(scrubUrlCredentials('fetch http://id:s3cret@127.0.0.1:1/graphql failed')).toBe('fetch http://[redacted]@127.0.0.1:1/graphql failed');
  });

  it('replaces token fields at any depth and keeps the rest', () => {
    const data = { tokens: { accessToken: 'a.b.c', refreshToken: 'r', member: { id: 'M1', tokenCount: 3 } }, list: [{ accessToken: 'x' }] };
    expect(sanitizeData(data, (text) => text)).toEqual({
      tokens: { accessToken: '[redacted]', refreshToken: '[redacted]', member: { id: 'M1', tokenCount: 3 } },
      list: [{ accessToken: '[redacted]' }],
    });
  });
});
