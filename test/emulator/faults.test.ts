import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { asBearer, mintRaw, mintTokenRaw, postGraphQL } from './raw-graphql.js';

const emulator = useEmulator();

const NETWORK_QUERY = 'query network { network { id } }';
const SPACES_QUERY = 'query spaces { spaces(limit: 1) { totalCount } }';

describe('fault injection', () => {
  it('answers 429 with Retry-After and extra headers, as raw fetch sees them', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    e.injectFault({ operation: 'network', status: 429, retryAfter: '7', headers: { 'x-quota-remaining': '0' } });
    const answer = await asBearer(e, token, NETWORK_QUERY);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.headers.get('x-quota-remaining')).toBe('0');
    expect(answer.body.errors?.[0]?.code).toBe('104');
  });

  it('answers a 5xx status without running the operation', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    const postsBefore = e.store.data.posts.length;
    e.injectFault({ status: 503, times: 1 });
    const created = await asBearer(
      e,
      token,
      'mutation createPost { createPost(spaceId: "SpcGeneral", input: { postTypeId: "PtyDiscuss", publish: true }) { id } }',
    );
    expect(created.status).toBe(503);
    expect(e.store.data.posts.length).toBe(postsBefore);
    e.injectFault({ operation: 'network', status: 502, times: 1 });
    expect((await asBearer(e, token, NETWORK_QUERY)).status).toBe(502);
  });

  it('delays the answer by delayMs, then answers normally', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    e.injectFault({ operation: 'network', delayMs: 300 });
    const started = performance.now();
    const answer = await asBearer(e, token, NETWORK_QUERY);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(answer.body.data?.network.id).toBe(e.networkId);
    await expect(asBearer(e, token, NETWORK_QUERY, undefined, AbortSignal.timeout(100))).rejects.toThrow();
  });

  it('drops the connection without an answer', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    const drop = e.injectFault({ operation: 'network', drop: true });
    const failure = await asBearer(e, token, NETWORK_QUERY).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(String((failure as TypeError).cause)).toMatch(/socket|closed|ECONNRESET/i);
    expect(drop.hits).toBe(1);
    expect(e.requestCount('network')).toBe(1);
  });

  it('hangs: the request never gets an answer until the client gives up', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    e.injectFault({ operation: 'network', hang: true });
    const failure = await asBearer(e, token, NETWORK_QUERY, undefined, AbortSignal.timeout(250)).catch((error: unknown) => error);
    expect((failure as Error).name).toBe('TimeoutError');
    expect(e.requestCount('network')).toBe(1);
  });

  it('changes the token TTL for tokens minted while it is in force', async () => {
    const e = emulator.current;
    const ttl = e.setTokenTtl(5);
    const short = decodeJwt(await mintTokenRaw(e));
    expect(short.exp! - short.iat!).toBe(5);
    ttl.restore();
    const normal = decodeJwt(await mintTokenRaw(e));
    expect(normal.exp! - normal.iat!).toBe(3600);
  });

  it('a TTL of 0 makes tokens that are expired at once (401 / 108)', async () => {
    const e = emulator.current;
    e.setTokenTtl(0);
    const answer = await asBearer(e, await mintTokenRaw(e), NETWORK_QUERY);
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]).toMatchObject({ code: '108', message: expect.stringMatching(/expired/) });
  });

  it('revokeTokens revokes every token issued so far, not later ones', async () => {
    const e = emulator.current;
    const old = await mintTokenRaw(e, e.memberIds[2]);
    e.revokeTokens();
    expect((await asBearer(e, old, NETWORK_QUERY)).status).toBe(401);
    const fresh = await mintTokenRaw(e, e.memberIds[2]);
    expect((await asBearer(e, fresh, NETWORK_QUERY)).status).toBe(200);
  });

  it('revokeNextTokens(n) revokes the next n tokens as they are issued; restore() stops it', async () => {
    const e = emulator.current;
    const revoking = e.revokeNextTokens(2);
    const first = await mintTokenRaw(e);
    const second = await mintTokenRaw(e);
    const third = await mintTokenRaw(e);
    expect((await asBearer(e, first, NETWORK_QUERY)).body.errors?.[0]?.message).toMatch(/revoked/);
    expect((await asBearer(e, second, NETWORK_QUERY)).status).toBe(401);
    expect((await asBearer(e, third, NETWORK_QUERY)).status).toBe(200);
    e.revokeNextTokens(5);
    revoking.restore();
    expect((await asBearer(e, await mintTokenRaw(e), NETWORK_QUERY)).status).toBe(200);
  });
});

describe('scoping', () => {
  it('a fault hits only its operation, only `times` times, and counts its hits', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    const fault = e.injectFault({ operation: 'network', status: 500, times: 2 });
    expect((await asBearer(e, token, SPACES_QUERY)).status).toBe(200);
    expect((await asBearer(e, token, NETWORK_QUERY)).status).toBe(500);
    expect((await asBearer(e, token, NETWORK_QUERY)).status).toBe(500);
    expect((await asBearer(e, token, NETWORK_QUERY)).status).toBe(200);
    expect(fault.hits).toBe(2);
  });

  it('restore() ends a fault at once', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    const fault = e.injectFault({ status: 500 });
    expect((await asBearer(e, token, NETWORK_QUERY)).status).toBe(500);
    fault.restore();
    expect((await asBearer(e, token, NETWORK_QUERY)).status).toBe(200);
    expect(fault.hits).toBe(1);
  });

  it('a fault without an operation hits every request, the mint too', async () => {
    const e = emulator.current;
    e.injectFault({ status: 500, times: 1 });
    expect((await mintRaw(e)).status).toBe(500);
    expect((await mintRaw(e)).status).toBe(200);
  });

  it('reset() ends every fault, restores the TTL, stops revoking and forgets the request log, but keeps the data', async () => {
    const e = emulator.current;
    const postsBefore = e.store.data.posts.length;
    e.injectFault({ status: 500 });
    e.setTokenTtl(0);
    e.revokeNextTokens(3);
    await postGraphQL(e.url, NETWORK_QUERY);
    e.reset();
    expect(e.requestCount()).toBe(0);
    const token = await mintTokenRaw(e);
    expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBe(3600);
    expect((await asBearer(e, token, NETWORK_QUERY)).status).toBe(200);
    expect(e.store.data.posts.length).toBe(postsBefore);
  });

  it('leaves a fault, a zero TTL and revocation in force at its end (the next test checks they are gone)', async () => {
    const e = emulator.current;
    e.injectFault({ operation: 'network', status: 500 });
    e.setTokenTtl(0);
    e.revokeNextTokens(10);
    expect((await mintRaw(e)).status).toBe(200);
    expect(e.requestCount()).toBe(1);
  });

  it('starts clean after the previous test left faults in force (useEmulator resets after each test)', async () => {
    const e = emulator.current;
    expect(e.requestCount()).toBe(0);
    const token = await mintTokenRaw(e);
    expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBe(3600);
    expect((await asBearer(e, token, NETWORK_QUERY)).status).toBe(200);
  });
});

describe('request counting', () => {
  it('counts requests by operation name, and in all', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    await asBearer(e, token, NETWORK_QUERY);
    await asBearer(e, token, NETWORK_QUERY);
    await asBearer(e, token, SPACES_QUERY);
    await asBearer(e, token, '{ authMember { id } }');
    expect(e.requestCount('limitedToken')).toBe(1);
    expect(e.requestCount('network')).toBe(2);
    expect(e.requestCount('spaces')).toBe(1);
    expect(e.requestCount('authMember')).toBe(1);
    expect(e.requestCount('posts')).toBe(0);
    expect(e.requestCount()).toBe(5);
    expect(e.requests.map((request) => request.operationName)).toEqual(['limitedToken', 'network', 'network', 'spaces', 'authMember']);
  });
});
