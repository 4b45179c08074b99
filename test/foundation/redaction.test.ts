import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  createTribeClient,
  mintAccessToken,
  TribeAuthError,
  TribeConfigError,
  TribeForbiddenError,
  TribeGraphQLError,
  TribeNetworkError,
  TribeNotFoundError,
  TribeRateLimitError,
  TribeTimeoutError,
  type TribeClient,
} from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';
import { basicHeader } from '../emulator/raw-graphql.js';

const emulator = useEmulator();

/** Every way an error is commonly shown: message, String(), JSON.stringify, util.inspect and the stack. */
function views(error: unknown): string[] {
  const all = [String(error), JSON.stringify(error), inspect(error), inspect(error, { depth: 10, showHidden: true })];
  if (error instanceof Error) all.push(error.message, error.stack ?? '');
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause !== undefined) all.push(...views(cause));
  return all;
}

/** Fails when any view of the error shows any of the secrets. */
function expectRedacted(error: unknown, secrets: string[]): void {
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(8);
    for (const view of views(error)) expect(view).not.toContain(secret);
  }
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error,
  );
}

/** The client's secrets: the client secret, the Basic value with and without its scheme, and the current token. */
async function secretsOf(client: TribeClient): Promise<string[]> {
  const e = emulator.current;
  const basic = basicHeader(e.clientId, e.clientSecret);
  const { accessToken } = await client.getAccessToken();
  return [e.clientSecret, basic, basic.slice('Basic '.length), accessToken];
}

describe('no secret in any error', () => {
  it('config error (credentials in an endpoint that is not http)', async () => {
    const e = emulator.current;
    const endpoint = e.url.replace('http://', `ftp://${e.clientId}:${e.clientSecret}@`);
    const error = await failureOf(mintAccessToken({ networkId: e.networkId, endpoint }));
    expect(error).toBeInstanceOf(TribeConfigError);
    expectRedacted(error, [e.clientSecret, basicHeader(e.clientId, e.clientSecret).slice(6)]);
  });

  it('auth error at the mint (wrong secret)', async () => {
    const e = emulator.current;
    const wrong = 'wrong-secret-9f8e7d6c';
    const error = await failureOf(mintAccessToken({ ...appOptions(e), clientSecret: wrong }));
    expect(error).toBeInstanceOf(TribeAuthError);
    expectRedacted(error, [wrong, basicHeader(e.clientId, wrong).slice(6)]);
  });

  it('auth error on a call (the token and its replacement were revoked)', async () => {
    const e = emulator.current;
    const client = createTribeClient(appOptions(e));
    const secrets = await secretsOf(client);
    e.revokeTokens();
    e.revokeNextTokens(1);
    const error = await failureOf(client.sdk.network());
    expect(error).toBeInstanceOf(TribeAuthError);
    const replacement = (await client.getAccessToken()).accessToken;
    expectRedacted(error, [...secrets, replacement]);
    client.close();
  });

  it("forbidden at the mint (uninstalled network) and on a call (editing another member's post)", async () => {
    const e = emulator.current;
    const atMint = await failureOf(mintAccessToken({ ...appOptions(e), networkId: e.uninstalledNetworkId }));
    expect(atMint).toBeInstanceOf(TribeForbiddenError);
    expectRedacted(atMint, [e.clientSecret, basicHeader(e.clientId, e.clientSecret).slice(6)]);

    const client = createTribeClient(appOptions(e));
    const member = client.impersonate(e.memberIds[3]!);
    const onCall = await failureOf(member.updatePost({ id: 'Pst0000003', input: { mappingFields: [{ key: 'title', type: 'text', value: '"x"' }] } }));
    expect(onCall).toBeInstanceOf(TribeForbiddenError);
    const memberToken = (await client.getAccessToken({ memberId: e.memberIds[3]! })).accessToken;
    expectRedacted(onCall, [...(await secretsOf(client)), memberToken]);
    client.close();
  });

  it('GraphQL errors (not found, bad parameter)', async () => {
    const e = emulator.current;
    const client = createTribeClient(appOptions(e));
    const notFound = await failureOf(client.sdk.post({ id: 'PstMissing' }));
    expect(notFound).toBeInstanceOf(TribeNotFoundError);
    const badLimit = await failureOf(client.sdk.posts({ limit: -1 }));
    expect(badLimit).toBeInstanceOf(TribeGraphQLError);
    const secrets = await secretsOf(client);
    expectRedacted(notFound, secrets);
    expectRedacted(badLimit, secrets);
    client.close();
  });

  it('network errors (dropped connection, 5xx), rate limit and timeout', async () => {
    const e = emulator.current;
    const client = createTribeClient({ ...appOptions(e), maxRetries: 0, timeoutMs: 300 });
    const secrets = await secretsOf(client);
    const drop = e.injectFault({ operation: 'network', drop: true });
    const dropped = await failureOf(client.sdk.network());
    drop.restore();
    const serverError = e.injectFault({ operation: 'network', status: 503 });
    const unavailable = await failureOf(client.sdk.network());
    serverError.restore();
    const limit = e.injectFault({ operation: 'network', status: 429, retryAfter: '120' });
    const limited = await failureOf(client.sdk.network());
    limit.restore();
    const hang = e.injectFault({ operation: 'network', hang: true });
    const timedOut = await failureOf(client.sdk.network());
    hang.restore();
    expect(dropped).toBeInstanceOf(TribeNetworkError);
    expect(unavailable).toBeInstanceOf(TribeNetworkError);
    expect(limited).toBeInstanceOf(TribeRateLimitError);
    expect(timedOut).toBeInstanceOf(TribeTimeoutError);
    for (const error of [dropped, unavailable, limited, timedOut]) expectRedacted(error, secrets);
    client.close();
  });

  it('a network error of the mint itself (dropped connection)', async () => {
    const e = emulator.current;
    e.injectFault({ operation: 'limitedToken', drop: true });
    const error = await failureOf(createTribeClient({ ...appOptions(e), maxRetries: 0 }).getAccessToken());
    expect(error).toBeInstanceOf(TribeNetworkError);
    expectRedacted(error, [e.clientSecret, basicHeader(e.clientId, e.clientSecret).slice(6)]);
  });
});
