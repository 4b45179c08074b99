import type { Dispatcher } from 'undici';
import { declaredLength, tooLarge } from '../bounded-text.js';
import { decodeBody } from './decode-body.js';

/** Stops reading a body: undici reports a destroyed body as an abort error, which nobody waits for here. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

/**
 * Reads an undici answer's body as text within `maxResponseBytes`: on the wire (the stream is
 * destroyed the moment it passes the limit, so an endless body stops there) and again after
 * decompression. A plain body of declared, small-enough length is read the fast way.
 */
export async function readUndiciBody(response: Dispatcher.ResponseData, maxResponseBytes: number): Promise<string> {
  const { body, statusCode } = response;
  const encoding = response.headers['content-encoding'];
  const raw = response.headers['content-length'];
  const length = declaredLength(Array.isArray(raw) ? raw[0] : raw);
  if (length !== undefined && length > maxResponseBytes) {
    discard(body);
    throw tooLarge(maxResponseBytes, statusCode);
  }
  if (encoding === undefined && length !== undefined) return body.text();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += (chunk as Buffer).length;
    if (total > maxResponseBytes) {
      discard(body);
      throw tooLarge(maxResponseBytes, statusCode);
    }
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks, total);
  return encoding === undefined ? bytes.toString('utf8') : decodeBody(bytes, encoding, maxResponseBytes, statusCode);
}
