import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTribeClient,
  exchangeAuthorizationCode,
  TribeAuthError,
  TribeNetworkError,
  TribeResponseTooLargeError,
  TribeTimeoutError,
} from '../../src/index.js';

// A server on 127.0.0.1 whose answers each test scripts: the token endpoint, the GraphQL API (mint and createImages) and an upload target.
type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;
let origin = '';
let onToken: Handler = () => undefined;
let onSign: Handler = () => undefined;
let onUpload: Handler = () => undefined;
const uploads: string[] = [];
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    if (request.url === '/oauth/token') return onToken(request, body, response);
    if (request.url === '/upload') {
      uploads.push(body);
      return onUpload(request, body, response);
    }
    if (request.headers.authorization?.startsWith('Basic ')) {
      const exp = Math.floor(Date.now() / 1000) + 3600;
      const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.sig`;
      return response.end(JSON.stringify({ data: { limitedToken: { accessToken: token, gatewayUrl: null } } }));
    }
    onSign(request, body, response);
  });
});
const json = (response: ServerResponse, value: unknown, status = 200) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
});

const SECRET = 'hostile-test-client-secret';
const CODE = 'hostile-test-authorization-code';

describe('hostile token endpoint answers fail into typed errors that quote no secret', () => {
  const exchange = (timeoutMs = 2_000) =>
    exchangeAuthorizationCode({ communityUrl: origin, clientId: 'app', clientSecret: SECRET, code: CODE, redirectUri: 'http://127.0.0.1/cb', timeoutMs }).then(
      () => new Error('it succeeded'),
      (error: unknown) => error as Error,
    );
  const cases: Array<[string, Handler, new (...args: never[]) => Error]> = [
    ['an answer that is not JSON', (_, __, response) => response.end('<html>'), TribeNetworkError],
    ['no access_token', (_, __, response) => json(response, { refresh_token: 'r', graphql_url: `${origin}/graphql` }), TribeNetworkError],
    [
      'a graphql_url off https',
      (_, __, response) => json(response, { access_token: 'a', refresh_token: 'r', graphql_url: 'http://evil.example/graphql' }),
      TribeNetworkError,
    ],
    ['a huge answer', (_, __, response) => response.end('x'.repeat(1_000_000)), TribeResponseTooLargeError],
    ['a refusal echoing the code', (_, body, response) => json(response, { error: 'invalid_grant', error_description: body }, 400), TribeAuthError],
  ];
  for (const [what, handler, kind] of cases) {
    it(what, async () => {
      onToken = handler;
      const error = await exchange();
      expect(error).toBeInstanceOf(kind);
      const text = `${error.message} ${JSON.stringify(error)}`;
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(CODE);
    });
  }

  it('an endpoint that never answers', async () => {
    onToken = () => undefined;
    const error = await exchange(200);
    expect(error).toBeInstanceOf(TribeTimeoutError);
  });
});

describe('hostile upload targets fail into typed errors', () => {
  const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const target = (overrides: Record<string, unknown>) => ({
    signedUrl: `${origin}/upload`,
    fields: JSON.stringify({ key: 'media/x', Policy: 'cG9saWN5', 'X-Amz-Signature': 'f'.repeat(64) }),
    mediaId: 'Med1',
    mediaUrl: `${origin}/media/Med1`,
    mediaDownloadUrl: `${origin}/media/Med1/download`,
    urls: null,
    ...overrides,
  });
  const upload = (timeoutMs = 2_000) =>
    createTribeClient({ clientId: 'app', clientSecret: SECRET, networkId: 'net', endpoint: `${origin}/graphql`, timeoutMs, maxRetries: 0 })
      .uploadImages([{ file: PNG, contentType: 'image/png' }])
      .then(
        () => new Error('it succeeded'),
        (error: unknown) => error as Error,
      );

  it('refuses a target off https, or with unreadable fields, before sending the file', async () => {
    const before = uploads.length;
    for (const overrides of [
      { signedUrl: 'http://storage.example/upload' },
      { fields: 'not json' },
      { fields: '["a"]' },
      { signedUrl: `http://user:pw@127.0.0.1/upload` },
    ]) {
      onSign = (_, __, response) => json(response, { data: { createImages: [target(overrides)] } });
      expect(await upload()).toBeInstanceOf(TribeNetworkError);
    }
    onSign = (_, __, response) => json(response, { data: { createImages: [] } });
    expect(await upload()).toBeInstanceOf(TribeNetworkError);
    expect(uploads.length).toBe(before);
  });

  it('maps a failing or hanging storage answer, and sends the fields in order before Content-Type and file', async () => {
    onSign = (_, __, response) => json(response, { data: { createImages: [target({})] } });
    onUpload = (_, __, response) => response.writeHead(500).end('<Error><Code>InternalError</Code></Error>');
    const failed = await upload();
    expect(failed).toBeInstanceOf(TribeNetworkError);
    expect(failed.message).toBe('tribe-sdk: the upload failed (HTTP 500, InternalError)');
    const names = [...uploads.at(-1)!.matchAll(/form-data; name="([^"]+)"/g)].map((match) => match[1]);
    expect(names).toEqual(['key', 'Policy', 'X-Amz-Signature', 'Content-Type', 'file']);
    expect(JSON.stringify(failed)).not.toContain('f'.repeat(64));
    onUpload = () => undefined;
    expect(await upload(300)).toBeInstanceOf(TribeTimeoutError);
  });
});
