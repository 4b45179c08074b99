import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTribeClient, mintAccessToken, TribeConfigError, TribeNetworkError, type TribeEvent } from '../../src/index.js';
import { runtimeTransport as fetchRuntime } from '../../src/transport/fetch-exchange.js';
import { errorViews } from '../hostile/hostile.js';
import { startScriptedServer, type ScriptedServer } from './scripted-server.js';

const PROXY_USER = 'proxy-user';
const PROXY_PASSWORD = 'proxy-pass-7Hq2-secret';
const PROXY_BASIC = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')}`;

/** A forwarding proxy on 127.0.0.1 that speaks CONNECT, wants Basic credentials, and counts what passed through it. */
interface CountingProxy {
  port: number;
  tunnels: number;
  refused: number;
  bytesToTarget: number;
  close(): Promise<void>;
}

async function startConnectProxy(): Promise<CountingProxy> {
  const state: CountingProxy = { port: 0, tunnels: 0, refused: 0, bytesToTarget: 0, close: async () => {} };
  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request, client, head) => {
    if (request.headers['proxy-authorization'] !== PROXY_BASIC) {
      state.refused += 1;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const [host, port] = (request.url ?? '').split(':');
    if (host !== '127.0.0.1') {
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    state.tunnels += 1;
    const target = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) target.write(head);
      client.on('data', (chunk: Buffer) => (state.bytesToTarget += chunk.length));
      client.pipe(target).pipe(client);
    });
    target.on('error', () => client.destroy());
    client.on('error', () => target.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

describe('transport.proxy on the Node entry', () => {
  let api: ScriptedServer;
  let proxy: CountingProxy;
  beforeAll(async () => {
    api = await startScriptedServer();
    proxy = await startConnectProxy();
  });
  afterAll(async () => {
    await proxy.close();
    await api.close();
  });

  const app = () => ({ clientId: 'proxied-app', clientSecret: 'proxied-app-secret', networkId: 'net-1', endpoint: api.url });
  const proxyUrl = (password: string) => `http://${PROXY_USER}:${password}@127.0.0.1:${proxy.port}`;

  it('sends the mint and every call through a CONNECT tunnel of the proxy, with its credentials', async () => {
    const before = { tunnels: proxy.tunnels, bytes: proxy.bytesToTarget, seen: api.seen.length };
    const tribe = createTribeClient({ ...app(), transport: { proxy: proxyUrl(PROXY_PASSWORD) } });
    await expect(tribe.sdk.network()).resolves.toMatchObject({ network: { id: 'net-1' } });
    await Promise.all(Array.from({ length: 20 }, () => tribe.sdk.network()));
    expect(proxy.tunnels - before.tunnels).toBeGreaterThanOrEqual(1);
    expect(api.seen.length - before.seen).toBe(22);
    // Every request the API saw came through the tunnel: their bytes passed the proxy.
    expect(proxy.bytesToTarget - before.bytes).toBeGreaterThan(22 * 100);
    expect(api.seen.every((request) => request.headers['proxy-authorization'] === undefined)).toBe(true);
    tribe.close();

    const tunnels = proxy.tunnels;
    await mintAccessToken({ ...app(), transport: { proxy: proxyUrl(PROXY_PASSWORD) } });
    expect(proxy.tunnels).toBeGreaterThan(tunnels);
  });

  it('keeps the proxy credentials out of errors, their printouts and events when the proxy refuses them', async () => {
    const wrong = `${PROXY_PASSWORD}-wrong`;
    const events: TribeEvent[] = [];
    const refused = proxy.refused;
    const tribe = createTribeClient({ ...app(), maxRetries: 0, transport: { proxy: proxyUrl(wrong) }, onEvent: (event) => events.push(event) });
    const error = await tribe.sdk.network().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeNetworkError);
    expect(proxy.refused).toBeGreaterThan(refused);
    const wrongBasic = Buffer.from(`${PROXY_USER}:${wrong}`).toString('base64');
    for (const view of [...errorViews(error), JSON.stringify(events)]) {
      expect(view).not.toContain(wrong);
      expect(view).not.toContain(wrongBasic);
    }
    tribe.close();
  });

  it('refuses a proxy it cannot use before anything is sent, without quoting the URL', () => {
    const seen = api.seen.length;
    const cases: Array<[() => unknown, string]> = [
      [() => createTribeClient({ ...app(), transport: { proxy: `ftp://user:${PROXY_PASSWORD}@127.0.0.1:1` } }), 'transport.proxy must be an http(s) URL'],
      [() => createTribeClient({ ...app(), transport: { proxy: `http://user:${PROXY_PASSWORD}@127.0.0.1:1/path` } }), 'without a path'],
      [() => createTribeClient({ ...app(), transport: { proxy: 42 as never } }), 'transport.proxy must be an http(s) URL'],
      [() => createTribeClient({ ...app(), fetch: globalThis.fetch, transport: { proxy: proxyUrl(PROXY_PASSWORD) } }), 'works on the Node entry only'],
      [() => createTribeClient({ ...app(), fetch: globalThis.fetch, transport: { fetch: (() => undefined) as never } }), 'fetch must be given once'],
      [
        () =>
          fetchRuntime.createDefaultExchange(
            { fetch: undefined, maxConnections: 1, proxy: { uri: 'http://127.0.0.1:1', authorization: undefined, secrets: [] } },
            true,
          ),
        'the fetch in use decides',
      ],
    ];
    for (const [attempt, message] of cases) {
      let thrown: unknown;
      try {
        attempt();
      } catch (caught) {
        thrown = caught;
      }
      expect(thrown).toBeInstanceOf(TribeConfigError);
      expect((thrown as Error).message).toContain(message);
      expect(errorViews(thrown).join('\n')).not.toContain(PROXY_PASSWORD);
    }
    expect(api.seen.length).toBe(seen);
  });

  it('takes the transport group and the old top-level names alike', async () => {
    const tribe = createTribeClient({ ...app(), transport: { maxConnections: 2, timeoutMs: 5_000, maxResponseBytes: 4096 } });
    await expect(tribe.sdk.network()).resolves.toMatchObject({ network: { id: 'net-1' } });
    api.onQuery = (_request, response) =>
      response.setHeader('content-type', 'application/json').end(JSON.stringify({ data: { network: { id: 'x'.repeat(5000) } } }));
    await expect(tribe.sdk.network()).rejects.toMatchObject({ code: 'TRIBE_RESPONSE_TOO_LARGE' });
    tribe.close();
    const old = createTribeClient({ ...app(), maxResponseBytes: 4096, maxRetries: 0 });
    await expect(old.sdk.network()).rejects.toMatchObject({ code: 'TRIBE_RESPONSE_TOO_LARGE' });
    old.close();
    expect(() => createTribeClient({ ...app(), maxConnections: 2, transport: { maxConnections: 3 } })).toThrow('maxConnections must be given once');
  });
});
