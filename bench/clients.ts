/**
 * The clients under test, each sending the same fragment-heavy `posts` query to the fixed server:
 * baselines a careful user could write by hand, and the SDK through both of its entries.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { print } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import { Agent as UndiciAgent, request as undiciRequest, type Dispatcher } from 'undici';
import type { PostsQuery } from '../generated/sdk.js';
import { postsVariables } from './fixed-data.js';
import { generated, sdk } from './sdk-under-test.js';

const { createTribeClient } = sdk;
const { getSdk, PostsDocument } = generated;

/** One ready client: `call` sends the query once and resolves to its data. */
export interface BenchClient {
  call(): Promise<PostsQuery>;
  close(): Promise<void>;
}

/** A named way of building a {@link BenchClient} against a server URL. */
export interface ClientFactory {
  name: string;
  /** What the row of the table means. */
  description: string;
  create(url: string): Promise<BenchClient>;
}

const CREDENTIALS = { clientId: 'bench-client', clientSecret: 'bench-secret', networkId: 'bench-network' };
const POSTS_QUERY = print(PostsDocument);
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** Mints once by hand, as the baselines' setup (not timed). */
async function mintByHand(url: string): Promise<{ authorization: string; gatewayUrl: string }> {
  const basic = `Basic ${btoa(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`)}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...JSON_HEADERS, authorization: basic },
    body: JSON.stringify({ query: '{ limitedToken }' }),
  });
  const { data } = (await response.json()) as { data: { limitedToken: { accessToken: string; gatewayUrl: string } } };
  return { authorization: `Bearer ${data.limitedToken.accessToken}`, gatewayUrl: data.limitedToken.gatewayUrl };
}

function postsBody(): string {
  return JSON.stringify({ query: POSTS_QUERY, variables: postsVariables, operationName: 'posts' });
}

function checked(status: number, text: string): PostsQuery {
  if (status !== 200) throw new Error(`bench: HTTP ${status}`);
  return (JSON.parse(text) as { data: PostsQuery }).data;
}

const rawFetch: ClientFactory = {
  name: 'raw fetch',
  description: 'global fetch with a pre-printed query string (the reference, 1.00)',
  async create(url) {
    const { authorization, gatewayUrl } = await mintByHand(url);
    const headers = { ...JSON_HEADERS, authorization };
    return {
      async call() {
        const response = await fetch(gatewayUrl, { method: 'POST', headers, body: postsBody() });
        return checked(response.status, await response.text());
      },
      async close() {},
    };
  },
};

const graphqlRequest: ClientFactory = {
  name: 'graphql-request',
  description: 'GraphQLClient.request with the DocumentNode (prints it per request)',
  async create(url) {
    const { authorization, gatewayUrl } = await mintByHand(url);
    const client = new GraphQLClient(gatewayUrl, { headers: { authorization } });
    return { call: () => client.request<PostsQuery>(PostsDocument, postsVariables), async close() {} };
  },
};

const graphqlRequestSdk: ClientFactory = {
  name: 'getSdk + graphql-request',
  description: 'codegen getSdk on a plain GraphQLClient, as generated code is used without this SDK',
  async create(url) {
    const { authorization, gatewayUrl } = await mintByHand(url);
    const sdk = getSdk(new GraphQLClient(gatewayUrl, { headers: { authorization } }));
    return { call: () => sdk.posts(postsVariables), async close() {} };
  },
};

const sdkUniversal: ClientFactory = {
  name: 'SDK (fetch exchange)',
  description: 'createTribeClient with the fetch exchange (the default of every runtime but Node): token cache, retries',
  async create(url) {
    const client = createTribeClient({ ...CREDENTIALS, endpoint: url, fetch: globalThis.fetch });
    await client.getAccessToken();
    return {
      call: () => client.sdk.posts(postsVariables),
      async close() {
        client.close();
      },
    };
  },
};

const sdkNode: ClientFactory = {
  name: 'SDK (node, undici)',
  description: 'createTribeClient on Node: the undici exchange, token cache, retries',
  async create(url) {
    const client = createTribeClient({ ...CREDENTIALS, endpoint: url });
    await client.getAccessToken();
    return {
      call: () => client.sdk.posts(postsVariables),
      async close() {
        client.close();
      },
    };
  },
};

const nodeHttp: ClientFactory = {
  name: 'node:http keep-alive',
  description: 'node:http with a keep-alive agent (the floor: no fetch, no SDK)',
  async create(url) {
    const { authorization, gatewayUrl } = await mintByHand(url);
    const agent = new HttpAgent({ keepAlive: true });
    const target = new URL(gatewayUrl);
    const call = () =>
      new Promise<PostsQuery>((resolve, reject) => {
        const body = postsBody();
        const request = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            agent,
            headers: { ...JSON_HEADERS, authorization, 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              try {
                resolve(checked(response.statusCode ?? 0, Buffer.concat(chunks).toString()));
              } catch (error) {
                reject(error);
              }
            });
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    return {
      call,
      async close() {
        agent.destroy();
      },
    };
  },
};

const rawUndici: ClientFactory = {
  name: 'raw undici.request',
  description: 'undici.request on a keep-alive Agent, no SDK (the ceiling of the node transport)',
  async create(url) {
    const { authorization, gatewayUrl } = await mintByHand(url);
    const dispatcher = new UndiciAgent();
    const headers = { ...JSON_HEADERS, authorization };
    return {
      async call() {
        const response = await undiciRequest(gatewayUrl, { method: 'POST', headers, body: postsBody(), dispatcher });
        return checked(response.statusCode, await response.body.text());
      },
      close: () => dispatcher.close(),
    };
  },
};

/** The least a hand-written `dispatch` call needs: a handler that collects the body and resolves at its end. */
function dispatchText(
  dispatcher: Dispatcher,
  origin: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status = 0;
    dispatcher.dispatch(
      { origin, path, method: 'POST', headers, body },
      {
        onRequestStart: () => undefined,
        onResponseStart: (_controller, statusCode) => void (status = statusCode),
        onResponseData: (_controller, chunk) => void chunks.push(chunk),
        onResponseEnd: () => resolve({ status, text: Buffer.concat(chunks).toString('utf8') }),
        onResponseError: (_controller, error) => reject(error),
      },
    );
  });
}

const rawDispatch: ClientFactory = {
  name: 'raw undici.dispatch',
  description: "undici's dispatch with a minimal handler on a keep-alive Agent, no SDK (what the SDK's Node transport is built on)",
  async create(url) {
    const { authorization, gatewayUrl } = await mintByHand(url);
    const dispatcher = new UndiciAgent();
    const { origin, pathname } = new URL(gatewayUrl);
    const headers = { ...JSON_HEADERS, authorization };
    return {
      async call() {
        const { status, text } = await dispatchText(dispatcher, origin, pathname, headers, postsBody());
        return checked(status, text);
      },
      close: () => dispatcher.close(),
    };
  },
};

/** Every client, the reference first. */
export const clientFactories: readonly ClientFactory[] = [rawFetch, graphqlRequest, graphqlRequestSdk, sdkUniversal, sdkNode, nodeHttp, rawUndici, rawDispatch];

/** The credentials the SDK clients use against the fixed server. */
export const benchCredentials = CREDENTIALS;
