/**
 * A fixed-response GraphQL server for benchmarks, run as its own process so that its CPU is not
 * counted as the client's. It is a minimal HTTP/1.1 keep-alive responder on node:net rather than
 * node:http, so that the server costs far less per request than any client and the ratios show the
 * clients' own cost. It reads each request by its Content-Length (every client here sends one).
 * A request with Basic auth is a mint; anything else gets one fixed page of posts; GET /stats
 * returns the counters. Prints `{"url": ...}` once it listens on 127.0.0.1.
 */
import { createServer, type Socket } from 'node:net';
import { fixedPostsResult } from './fixed-data.js';

const MINT_DELAY_MS = Number(process.argv[2] ?? 0);
const HEADER_END = Buffer.from('\r\n\r\n');
let mints = 0;
let requests = 0;
let port = 0;

function answer(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const head = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${bytes.length}\r\nconnection: keep-alive\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), bytes]);
}

const postsAnswer = answer(JSON.stringify(fixedPostsResult));

function jwtWithExpiry(expSeconds: number): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'bench-bot', exp: expSeconds })}.sig`;
}

function mintAnswer(): Buffer {
  mints += 1;
  const limitedToken = { accessToken: jwtWithExpiry(Math.floor(Date.now() / 1000) + 3600), gatewayUrl: `http://127.0.0.1:${port}/gateway` };
  return answer(JSON.stringify({ data: { limitedToken } }));
}

/** Answers every complete request in `buffer` and returns what is left of it. */
function serve(socket: Socket, buffer: Buffer): Buffer {
  for (;;) {
    const end = buffer.indexOf(HEADER_END);
    if (end < 0) return buffer;
    const head = buffer.toString('latin1', 0, end).toLowerCase();
    const length = Number(/\r\ncontent-length: *(\d+)/.exec(head)?.[1] ?? 0);
    if (buffer.length < end + 4 + length) return buffer;
    buffer = buffer.subarray(end + 4 + length);
    if (head.startsWith('get /stats')) {
      socket.write(answer(JSON.stringify({ mints, requests })));
    } else if (head.includes('\r\nauthorization: basic ')) {
      requests += 1;
      if (MINT_DELAY_MS > 0) setTimeout(() => socket.write(mintAnswer()), MINT_DELAY_MS);
      else socket.write(mintAnswer());
    } else {
      requests += 1;
      socket.write(postsAnswer);
    }
  }
}

const server = createServer((socket) => {
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = serve(socket, pending.length === 0 ? chunk : Buffer.concat([pending, chunk]));
  });
  socket.on('error', () => socket.destroy());
});
server.listen(0, '127.0.0.1', () => {
  port = (server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/graphql` })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
