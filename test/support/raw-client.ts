import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** One piece of a request sent over a plain socket, after an optional pause. */
export interface RawPiece {
  bytes: Uint8Array | string;
  delayMs?: number;
}

/** What came back: the status (if any answer came), when its first byte came, and the text. */
export interface RawExchange {
  status: number | undefined;
  /** Milliseconds from connecting to the first byte of the answer. */
  answeredAfterMs: number | undefined;
  text: string;
}

/**
 * Sends pieces of a request over a plain TCP socket to 127.0.0.1, so that a test can send what no HTTP client
 * would (a truncated body, a lie in Content-Length, a hang-up mid-body). `hangUp` closes the socket after the
 * last piece; otherwise it waits for the answer until the server closes or `waitMs` passes.
 */
export async function rawExchange(port: number, pieces: readonly RawPiece[], options: { hangUp?: boolean; waitMs?: number } = {}): Promise<RawExchange> {
  const socket = connect(port, '127.0.0.1');
  const started = performance.now();
  let firstByteAt: number | undefined;
  let text = '';
  socket.on('data', (data: Buffer) => {
    firstByteAt ??= performance.now();
    text += data.toString('latin1');
  });
  // The server may close first (it refused the rest); writes after that fail, which is expected here.
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  for (const piece of pieces) {
    if (piece.delayMs) await sleep(piece.delayMs);
    if (socket.destroyed || firstByteAt !== undefined) break;
    socket.write(piece.bytes);
  }
  if (options.hangUp) socket.destroy();
  else await Promise.race([closed, sleep(options.waitMs ?? 5_000)]);
  socket.destroy();
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
  return { status: status === undefined ? undefined : Number(status), answeredAfterMs: firstByteAt === undefined ? undefined : firstByteAt - started, text };
}

/** The head of a POST to /webhook with these headers (Connection: close, so the server ends the socket after answering). */
export function requestHead(headers: Record<string, string>): string {
  const lines = Object.entries({ host: '127.0.0.1', connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `POST /webhook HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
