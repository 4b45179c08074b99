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
  /** Answers a mint (a Basic-auth request); the default answers a one-hour JWT with this server as gatewayUrl. */
  onMint: QueryHandler;
  /** Connections accepted so far, and open now. */
  connections: { accepted: number; open: number };
  close(): Promise<void>;
}

/** A JWT-shaped token (unsigned) with the given `exp`. */
export function jwtWithExp(expSeconds: number): string {
  return jwt(expSeconds);
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
    onMint: answerNetwork,
    connections: { accepted: 0, open: 0 },
    close: async () => {},
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      const seen: SeenRequest = { path: request.url ?? '', headers: request.headers, body: text ? JSON.parse(text) : {} };
      state.seen.push(seen);
      if (request.headers.authorization?.startsWith('Basic ')) state.onMint(seen, response);
      else state.onQuery(seen, response);
    });
  });
  server.on('connection', (socket) => {
    state.connections.accepted += 1;
    state.connections.open += 1;
    socket.on('close', () => (state.connections.open -= 1));
  });
  const answerMint: QueryHandler = (_request, response) => {
    response.setHeader('content-type', 'application/json');
    const limitedToken = { accessToken: jwt(Math.floor(Date.now() / 1000) + 3600), gatewayUrl: `${state.url}` };
    response.end(JSON.stringify({ data: { limitedToken } }));
  };
  state.onMint = answerMint;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
