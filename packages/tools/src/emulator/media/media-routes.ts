import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_UPLOAD_BYTES, type MediaStore } from './media-store.js';

/** The path signed targets point at. */
export const UPLOAD_PATH = '/media/upload';
const MEDIA_PATH = /^\/media\/(Med[0-9a-f]{10})(\/download)?$/;

/** Reads a request body, refusing more than `limit` bytes. */
async function readLimited(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function answerXml(response: ServerResponse, status: number, code: string, message: string): void {
  response
    .writeHead(status, { 'content-type': 'application/xml' })
    .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

async function receiveUpload(media: MediaStore, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return answerXml(response, 400, 'InvalidArgument', 'expected multipart/form-data');
  // Room for the form fields besides the largest file.
  const body = await readLimited(request, MAX_UPLOAD_BYTES + 64 * 1024);
  if (!body) return answerXml(response, 400, 'EntityTooLarge', 'the upload is too large');
  let form: FormData;
  try {
    form = await new Request('http://emulator.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
  } catch {
    return answerXml(response, 400, 'MalformedPOSTRequest', 'the body is not a readable multipart form');
  }
  const entries = [...form.entries()] as Array<[string, string | Blob]>;
  const outcome = await media.accept(entries, async (file) => Buffer.from(await file.arrayBuffer()));
  if ('reason' in outcome) return answerXml(response, outcome.status, outcome.code, outcome.reason);
  response.writeHead(204).end();
}

function serveMedia(media: MediaStore, path: string, response: ServerResponse): void {
  const [, mediaId, download] = MEDIA_PATH.exec(path) ?? [];
  const found = mediaId ? media.get(mediaId) : undefined;
  if (!found) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: no media uploaded with this ID');
    return;
  }
  const headers: Record<string, string> = {
    'content-type': found.contentType,
    'content-length': String(found.bytes.length),
    'x-content-type-options': 'nosniff',
  };
  if (download) headers['content-disposition'] = `attachment; filename="${(found.name ?? found.id).replace(/[^\w.-]/g, '_')}"`;
  response.writeHead(200, headers).end(found.bytes);
}

/**
 * The media routes of the emulator: `POST /media/upload` takes a signed multipart upload (answering
 * 204, or an S3-style XML error), and `GET /media/<id>` (and `/download`) serves the bytes back.
 * Answers whether it handled the request.
 */
export function mediaRoutes(media: MediaStore) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://emulator.invalid').pathname;
    if (path === UPLOAD_PATH && request.method === 'POST') {
      await receiveUpload(media, request, response);
      return true;
    }
    if (path.startsWith('/media/') && request.method === 'GET') {
      serveMedia(media, path, response);
      return true;
    }
    return false;
  };
}
