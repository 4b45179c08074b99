import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the scripted server saw it. */
export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: { query?: string; operationName?: string; variables?: unknown };
}

/** Answers a query (not a mint); the default answers `{ data: { network: ... } }`. */
export type QueryHandler = (request: SeenRequest, response: ServerResponse) => void;

/** A tiny GraphQL server on 127.0.0.1 whose answers each test scripts. */
export interface ScriptedServer {
  url: string;
  seen: SeenRequest[];
  onQuery: QueryHandler;
  close(): Promise<void>;
}

function jwt(expSeconds: number): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ sub: 'test-bot', exp: expSeconds })}.sig`;
}

/** A network answer that the `network` operation accepts. */
export const networkAnswer = { data: { network: { id: 'net-1', name: 'Scripted', domain: 'scripted.test' } } };

/** The default answer to every query: {@link networkAnswer}. */
export const answerNetwork: QueryHandler = (_request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(networkAnswer));
};

/** Starts a server: Basic-auth requests are mints (gatewayUrl = this server), the rest go to `onQuery`. */
export async function startScriptedServer(): Promise<ScriptedServer> {
  const state: ScriptedServer = {
    url: '',
    seen: [],
    onQuery: answerNetwork,
    close: async () => {},
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      const seen: SeenRequest = { path: request.url ?? '', headers: request.headers, body: text ? JSON.parse(text) : {} };
      state.seen.push(seen);
      if (request.headers.authorization?.startsWith('Basic ')) {
        response.setHeader('content-type', 'application/json');
        const limitedToken = { accessToken: jwt(Math.floor(Date.now() / 1000) + 3600), gatewayUrl: `${state.url}` };
        response.end(JSON.stringify({ data: { limitedToken } }));
        return;
      }
      state.onQuery(seen, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
