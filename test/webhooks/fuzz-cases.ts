import fc from 'fast-check';
import { platformSign } from './signed.js';

/** How a request's headers are signed (or not). */
export type Signing = 'good' | 'bad' | 'none' | 'stale' | 'garbage-timestamp' | 'non-hex' | 'tribe-prefix' | 'duplicate';

/** One random request: a body, how it is signed, and odd headers. */
export interface FuzzRequest {
  body: Uint8Array<ArrayBuffer>;
  signing: Signing;
  contentType: string | undefined;
  contentEncoding: string | undefined;
}

const encoder = new TextEncoder();

const VALID = [
  JSON.stringify({ type: 'TEST', data: { challenge: 'fuzz' } }),
  JSON.stringify({ type: 'SUBSCRIPTION', networkId: 'NetAcme001', data: { id: 'Evt1', name: 'post.published', object: { id: 'P1' } } }),
  JSON.stringify({ type: 'INTERACTION', networkId: 'NetAcme001', data: { interactionId: 'Int1', inputs: { a: [1, 2, { b: null }] } } }),
  JSON.stringify({ type: 'GET_SETTINGS', networkId: 'NetAcme001', data: {} }),
];

const valid = fc.constantFrom(...VALID);

/** Bodies: valid envelopes, truncated or with bytes that are not UTF-8 spliced in, random bytes, text, JSON, deep nesting. */
const body: fc.Arbitrary<Uint8Array<ArrayBuffer>> = fc.oneof(
  valid.map((text) => encoder.encode(text)),
  fc.tuple(valid, fc.nat()).map(([text, cut]) => encoder.encode(text.slice(0, cut % text.length))),
  fc.tuple(valid, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4, min: 0x80 })).map(([text, at, junk]) => {
    const bytes = encoder.encode(text);
    const cut = at % bytes.length;
    return new Uint8Array([...bytes.subarray(0, cut), ...junk, ...bytes.subarray(cut)]);
  }),
  fc.uint8Array({ maxLength: 4096 }),
  fc.string({ maxLength: 400, unit: 'binary' }).map((text) => encoder.encode(text)),
  fc.json({ maxDepth: 4 }).map((text) => encoder.encode(text)),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => encoder.encode(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
);

/** Random malformed requests, from a seed. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  body,
  signing: fc.constantFrom<Signing>('good', 'good', 'good', 'bad', 'none', 'stale', 'garbage-timestamp', 'non-hex', 'tribe-prefix', 'duplicate'),
  contentType: fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/json; charset=latin1', 'multipart/form-data; boundary=x'),
  contentEncoding: fc.constantFrom(undefined, undefined, 'gzip', 'br', 'identity', 'x-unknown'),
});

/** The signing headers of a request, as pairs, so that one may appear twice. */
export function signingHeaders(request: FuzzRequest, secret: string): Array<[string, string]> {
  const { body: bytes, signing } = request;
  const pairs = (headers: Record<string, string>): Array<[string, string]> => Object.entries(headers).filter(([name]) => name !== 'content-type');
  switch (signing) {
    case 'good':
      return pairs(platformSign(bytes, secret));
    case 'bad':
      return pairs(platformSign(bytes, `${secret}-other`));
    case 'none':
      return [];
    case 'stale':
      return pairs(platformSign(bytes, secret, Date.now() - 20 * 60_000));
    case 'garbage-timestamp':
      return [...pairs(platformSign(bytes, secret)).filter(([name]) => !name.endsWith('timestamp')), ['x-bettermode-request-timestamp', '1e12; DROP']];
    case 'non-hex':
      return [...pairs(platformSign(bytes, secret)).filter(([name]) => !name.endsWith('signature')), ['x-bettermode-signature', 'zz'.repeat(32)]];
    case 'tribe-prefix':
      return pairs(platformSign(bytes, secret, Date.now(), 'x-tribe'));
    case 'duplicate': {
      const signed = pairs(platformSign(bytes, secret));
      return [...signed, ...signed.filter(([name]) => name.endsWith('signature'))];
    }
  }
}

/** The request's other headers. */
export function otherHeaders(request: FuzzRequest): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  if (request.contentType) headers.push(['content-type', request.contentType]);
  if (request.contentEncoding) headers.push(['content-encoding', request.contentEncoding]);
  return headers;
}

/** `count` requests of `arbitrary` drawn from `seed`: the same seed gives the same requests. */
export function sample<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return fc.sample(arbitrary, { seed, numRuns: count });
}
