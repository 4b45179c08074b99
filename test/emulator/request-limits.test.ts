import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { startOwnEmulator, useEmulator } from '../support/emulator.js';
import { rawExchange } from '../support/raw-client.js';
import { asBearer, mintTokenRaw, postGraphQL } from './raw-graphql.js';

const emulator = useEmulator();

const INTROSPECTION = getIntrospectionQuery().replace(/\s+/g, ' ');
const FRAGMENTS_AT = INTROSPECTION.indexOf('fragment ');
/** The `__schema { ... }` selection of the full introspection query, to alias many times over, and the fragments it spreads. */
const SCHEMA_SELECTION = INTROSPECTION.slice(INTROSPECTION.indexOf('__schema'), INTROSPECTION.lastIndexOf('}', FRAGMENTS_AT));
const FRAGMENTS = INTROSPECTION.slice(FRAGMENTS_AT);

function refusal(message: RegExp) {
  return [expect.objectContaining({ code: '118', message: expect.stringMatching(message) })];
}

describe('what one request may ask of the emulator', () => {
  it('refuses 1,000 aliased full introspections before running any, and still serves one introspection', async () => {
    const e = emulator.current;
    const bomb = `{ ${Array.from({ length: 1_000 }, (_, index) => `a${index}: ${SCHEMA_SELECTION}`).join('\n')} }\n${FRAGMENTS}`;
    const refused = await postGraphQL(e.url, bomb);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refused.body.errors).toEqual(refusal(/^the emulator refuses this request: it selects more than 5000 fields$/));
    expect(JSON.stringify(refused.body).length).toBeLessThan(1_000);
    const twice = await postGraphQL(e.url, `{ a: ${SCHEMA_SELECTION} b: ${SCHEMA_SELECTION} }\n${FRAGMENTS}`);
    expect(twice.body.errors).toEqual(refusal(/selects __schema 2 times, more than 1/));
    const one = await postGraphQL(e.url, getIntrospectionQuery());
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data!.__schema.queryType.name).toBe('Query');
  });

  it('allows 100 aliases and refuses 101', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `n${index}: network { id }`).join(' ')} }`;
    const allowed = await asBearer(e, token, aliased(100));
    expect(allowed.body.errors).toBeUndefined();
    expect(Object.keys(allowed.body.data!)).toHaveLength(100);
    const refused = await asBearer(e, token, aliased(101));
    expect(refused.body.errors).toEqual(refusal(/it has 101 aliases, more than 100/));
  });

  it('counts fields through fragments, so fragments spread into fragments cannot multiply a small document', async () => {
    const e = emulator.current;
    const levels = Array.from({ length: 40 }, (_, level) => `fragment F${level + 1} on Network { ...F${level} ...F${level} }`);
    const document = `{ network { ...F40 } }\nfragment F0 on Network { id name }\n${levels.join('\n')}`;
    const refused = await asBearer(e, await mintTokenRaw(e), document);
    expect(refused.body.errors).toEqual(refusal(/selects more than 5000 fields/));
  });

  it('refuses an operation over maxComplexity (Tribe formula) before running it', async () => {
    const e = await startOwnEmulator({ requestLimits: { maxComplexity: 100 } });
    const token = await mintTokenRaw(e);
    const small = await asBearer(e, token, '{ posts(limit: 10) { nodes { id space { id } } } }');
    expect(small.body.errors).toBeUndefined();
    expect((small.body as { extensions?: { complexity?: number } }).extensions?.complexity).toBe(22);
    const big = await asBearer(e, token, '{ posts(limit: 60) { nodes { id space { id } } } }');
    expect(big.status).toBe(400);
    expect(big.body.errors).toEqual(refusal(/its complexity is 122, more than 100/));
    expect(e.requestCount('posts')).toBe(2);
  });

  it('refuses a body whose declared Content-Length is over the limit before any of it is sent, and a streamed one once it passes it', async () => {
    const e = emulator.current;
    const { port } = new URL(e.url);
    const head = (headers: string) => `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n${headers}\r\n\r\n`;
    const declared = await rawExchange(Number(port), [{ bytes: head(`content-length: ${50 * 1024 * 1024}`) }], { waitMs: 3_000 });
    expect(declared.status).toBe(413);
    expect(declared.text).toContain('"code":"118"');
    const chunk = 'x'.repeat(256 * 1024);
    const pieces = Array.from({ length: 8 }, () => ({ bytes: `${chunk.length.toString(16)}\r\n${chunk}\r\n` }));
    const streamed = await rawExchange(Number(port), [{ bytes: head('transfer-encoding: chunked') }, ...pieces], { waitMs: 3_000 });
    expect(streamed.status).toBe(413);
    const after = await postGraphQL(e.url, '{ __typename }');
    expect(after.body.data).toEqual({ __typename: 'Query' });
  });
});
