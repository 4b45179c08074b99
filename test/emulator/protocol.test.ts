import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import { useEmulator } from '../support/emulator.js';
import { asBearer, basicHeader, mintRaw, mintTokenRaw, postGraphQL, type RawAnswer } from './raw-graphql.js';

const emulator = useEmulator();

const NETWORK_QUERY = '{ network { id name } }';

/** Checks Tribe's error shape: one error with `code` and `message` at the top level, no data. */
function expectTribeError(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors!;
  expect(error!.code).toBe(code);
  expect(typeof error!.message).toBe('string');
  expect(error!.message.length).toBeGreaterThan(0);
  expect(error).not.toHaveProperty('extensions.code');
}

describe('limitedToken', () => {
  it('issues a token for Basic auth with the right credentials', async () => {
    const answer = await mintRaw(emulator.current);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.limitedToken.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(answer.body.data?.limitedToken.gatewayUrl).toBeNull();
  });

  it('refuses no Authorization header, a bearer token, a wrong secret and an unknown client ID with 401 / 108', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    const refusals = [
      await postGraphQL(e.url, '{ limitedToken(context: NETWORK, networkId: "NetAcme001", entityId: "NetAcme001") { accessToken } }'),
      await mintRaw(e, { authorization: `Bearer ${token}` }),
      await mintRaw(e, { authorization: basicHeader(e.clientId, 'wrong-secret') }),
      await mintRaw(e, { authorization: basicHeader('unknown-client', e.clientSecret) }),
      await mintRaw(e, { authorization: `Basic ${Buffer.from('no-colon-here').toString('base64')}` }),
    ];
    for (const answer of refusals) expectTribeError(answer, 401, '108');
  });

  it('answers Forbidden, HTTP 403 with code 102, for a network where the app is not installed', async () => {
    const e = emulator.current;
    const answer = await mintRaw(e, { networkId: e.uninstalledNetworkId });
    expectTribeError(answer, 403, '102');
    expect(answer.body.errors![0]!.message).toMatch(/not installed/);
    expectTribeError(await mintRaw(e, { networkId: 'NetNowhere9' }), 403, '102');
  });

  it('issues an HS256 JWT with id, networkId, role, iat and exp = iat + TTL', async () => {
    const e = emulator.current;
    const token = await mintTokenRaw(e);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    const botId = e.store.data.apps[0]!.botMemberId;
    expect(claims).toMatchObject({ id: botId, networkId: e.networkId, role: 'admin' });
    expect(typeof claims.iat).toBe('number');
    expect(claims.exp).toBe(claims.iat! + 3600);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(60);
  });

  it('gives a bot token without impersonateMemberId and a member token with it; an unknown member is a 110 error', async () => {
    const e = emulator.current;
    const [admin, , member] = e.memberIds;
    expect(decodeJwt(await mintTokenRaw(e))).toMatchObject({ id: e.store.data.apps[0]!.botMemberId, role: 'admin' });
    expect(decodeJwt(await mintTokenRaw(e, member))).toMatchObject({ id: member, networkId: e.networkId, role: 'member' });
    expect(decodeJwt(await mintTokenRaw(e, admin))).toMatchObject({ id: admin, role: 'admin' });
    const unknown = await mintRaw(e, { memberId: 'MbrNobody99' });
    expectTribeError(unknown, 200, '110');
    const bot = await mintRaw(e, { memberId: e.store.data.apps[0]!.botMemberId });
    expectTribeError(bot, 200, '110');
    const me = await asBearer(e, await mintTokenRaw(e, member), '{ authMember { id } }');
    expect(me.body.data?.authMember.id).toBe(member);
  });
});

describe('a configurable token TTL', () => {
  let shortLived: RunningEmulator;
  beforeAll(async () => {
    shortLived = await startEmulator({ tokenTtlSeconds: 90 });
  });
  afterAll(() => shortLived.close());

  it('sets exp = iat + tokenTtlSeconds', async () => {
    const claims = decodeJwt(await mintTokenRaw(shortLived));
    expect(claims.exp! - claims.iat!).toBe(90);
  });
});

describe('every other operation needs a valid, unexpired bearer token for the network', () => {
  it('runs with a valid bearer token', async () => {
    const e = emulator.current;
    const answer = await asBearer(e, await mintTokenRaw(e), NETWORK_QUERY);
    expect(answer.status).toBe(200);
    expect(answer.body.data?.network.id).toBe(e.networkId);
  });

  it('answers 401 / 108 with no token, Basic credentials, a junk token, a forged token, an expired and a revoked one', async () => {
    const e = emulator.current;
    const forged = await new SignJWT({ id: 'MbrAdaL001', networkId: e.networkId, role: 'admin', roleType: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-emulator-key-not-the-emulator-key'));
    const ttl = e.setTokenTtl(0);
    const expired = await mintTokenRaw(e);
    ttl.restore();
    const revoked = await mintTokenRaw(e);
    e.revokeTokens();
    const answers = {
      missing: await postGraphQL(e.url, NETWORK_QUERY),
      basic: await postGraphQL(e.url, NETWORK_QUERY, { authorization: basicHeader(e.clientId, e.clientSecret) }),
      junk: await postGraphQL(e.url, NETWORK_QUERY, { authorization: 'Bearer not-a-jwt' }),
      emptyBearer: await postGraphQL(e.url, NETWORK_QUERY, { authorization: 'Bearer ' }),
      forged: await asBearer(e, forged, NETWORK_QUERY),
      expired: await asBearer(e, expired, NETWORK_QUERY),
      revoked: await asBearer(e, revoked, NETWORK_QUERY),
    };
    for (const answer of Object.values(answers)) expectTribeError(answer, 401, '108');
    expect(answers.expired.body.errors![0]!.message).toMatch(/expired/);
    expect(answers.revoked.body.errors![0]!.message).toMatch(/revoked/);
    expect(answers.missing.body.errors![0]!.message).toMatch(/required/);
  });

  it('refuses a token signed by another emulator (another network or key) with 401 / 108', async () => {
    const other = await startEmulator();
    try {
      const foreign = await mintTokenRaw(other);
      expectTribeError(await asBearer(emulator.current, foreign, NETWORK_QUERY), 401, '108');
    } finally {
      await other.close();
    }
  });

  it('refuses a mutation without a token before it changes anything', async () => {
    const e = emulator.current;
    const before = e.store.data.posts.length;
    const answer = await postGraphQL(
      e.url,
      'mutation { createPost(spaceId: "SpcGeneral", input: { postTypeId: "PtyDiscuss", publish: true, mappingFields: [] }) { id } }',
    );
    expectTribeError(answer, 401, '108');
    expect(e.store.data.posts.length).toBe(before);
  });

  it('refuses an operation that mixes limitedToken with a protected field', async () => {
    const e = emulator.current;
    const answer = await postGraphQL(
      e.url,
      `{ limitedToken(context: NETWORK, networkId: "${e.networkId}", entityId: "${e.networkId}") { accessToken } network { id } }`,
      { authorization: basicHeader(e.clientId, e.clientSecret) },
    );
    expectTribeError(answer, 401, '108');
  });
});
