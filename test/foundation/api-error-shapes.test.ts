import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTokenRequest,
  createTribeClient,
  TribeAuthError,
  TribeForbiddenError,
  TribeGraphQLError,
  TribeNetworkError,
  TribeNotFoundError,
} from '../../src/index.js';
import { NetworkDocument } from '../../generated/sdk.js';
import { startScriptedServer, type ScriptedServer } from '../transport/scripted-server.js';

// Error bodies shaped as Tribe sends them, answered by a scripted server on 127.0.0.1.
let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(() => server.close());

function answer(status: number, body: unknown): void {
  server.onQuery = (_request, response) => {
    response.statusCode = status;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(body));
  };
}

const mints = () => server.seen.filter((request) => request.headers.authorization?.startsWith('Basic ')).length;
const queries = () => server.seen.filter((request) => request.headers.authorization?.startsWith('Bearer ')).length;

function client() {
  return createTribeClient({ clientId: 'client-id', clientSecret: 'client-secret', networkId: 'net-1', endpoint: server.url });
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('Tribe error shapes', () => {
  it('flattens errors nested in an inner `errors` array and maps code 102 to TribeForbiddenError', async () => {
    answer(200, { errors: [{ message: 'x', errors: [{ code: '102', message: 'm' }] }] });
    const request = createTokenRequest({ accessToken: 'a.b.c' }, { networkId: 'net-1', endpoint: server.url });
    const error = await failure(() => request(NetworkDocument));
    expect(error).toBeInstanceOf(TribeForbiddenError);
    expect((error as TribeForbiddenError).errors).toContainEqual(expect.objectContaining({ code: '102', message: 'm' }));
  });

  it('a 200 answer with code 108 makes the client mint once more, then throw TribeAuthError', async () => {
    answer(200, { errors: [{ code: '108', message: 'invalid token' }] });
    const tribe = client();
    try {
      const error = await failure(() => tribe.sdk.network());
      expect(error).toBeInstanceOf(TribeAuthError);
      expect(mints()).toBe(2);
      expect(queries()).toBe(2);
    } finally {
      tribe.close();
    }
  });

  it.each(['112', '100', '106'])('code %s is a TribeGraphQLError carrying the code', async (code) => {
    answer(200, { errors: [{ code, message: `failed with ${code}` }] });
    const tribe = client();
    try {
      const error = await failure(() => tribe.sdk.network());
      expect(error).toBeInstanceOf(TribeGraphQLError);
      expect(error).not.toBeInstanceOf(TribeNotFoundError);
      expect((error as TribeGraphQLError).codes).toEqual([code]);
      expect(queries()).toBe(1);
    } finally {
      tribe.close();
    }
  });

  it.each(['10', '122'])('code %s with HTTP 500 is a TribeNetworkError with status 500, not retried', async (code) => {
    answer(500, { errors: [{ code, message: `server said ${code}` }] });
    const tribe = client();
    try {
      const error = await failure(() => tribe.sdk.network());
      expect(error).toBeInstanceOf(TribeNetworkError);
      expect((error as TribeNetworkError).status).toBe(500);
      expect(queries()).toBe(1);
    } finally {
      tribe.close();
    }
  });
});
