import { TribeConfigError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import type { CheckedUpload, SizedStream } from './upload-input.js';

/** A multipart/form-data body of known length. */
export interface MultipartBody {
  body: Blob | ReadableStream<Uint8Array>;
  contentType: string;
  length: number;
  /** The caller's mistake that ended a streamed body (a stream of another length than declared), if one did. */
  failure: () => TribeConfigError | undefined;
}

const encoder = new TextEncoder();

/** Escapes a name for a Content-Disposition parameter the way browsers' FormData does. */
function quoted(name: string): string {
  return name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

function randomBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `----tribe-sdk-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The stream's bytes between `head` and `tail`, failing when it yields another count than it declared. */
function framedStream(head: Uint8Array, source: SizedStream, tail: Uint8Array, failed: (error: TribeConfigError) => void): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Uint8Array> | undefined;
  let sent = 0;
  const wrongSize = (): TribeConfigError => {
    const error = new TribeConfigError(MESSAGES.invalidOption('the upload stream', `exactly { size } bytes long (${source.size} declared, ${sent} given)`));
    failed(error);
    return error;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
      iterator = (source.stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    },
    async pull(controller) {
      const next = await iterator!.next();
      if (next.done) {
        if (sent !== source.size) throw wrongSize();
        controller.enqueue(tail);
        controller.close();
        return;
      }
      const chunk = next.value instanceof Uint8Array ? next.value : encoder.encode(String(next.value));
      sent += chunk.byteLength;
      if (sent > source.size) throw wrongSize();
      controller.enqueue(chunk);
    },
    async cancel(reason) {
      await iterator?.return?.(reason);
    },
  });
}

/**
 * Encodes a presigned POST's form: every field in the given order, then `Content-Type`, then the file
 * (the order the platform's storage requires). Bytes in memory and Blobs become one Blob; a stream is
 * framed as it is read, so a large file is never held in memory.
 */
export function multipartBody(fields: ReadonlyArray<readonly [string, string]>, upload: CheckedUpload): MultipartBody {
  const boundary = randomBoundary();
  const part = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"`;
  let text = '';
  for (const [name, value] of [...fields, ['Content-Type', upload.contentType] as const]) text += `${part(name)}\r\n\r\n${value}\r\n`;
  text += `${part('file')}; filename="${quoted(upload.name)}"\r\nContent-Type: ${upload.contentType}\r\n\r\n`;
  const head = encoder.encode(text);
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const length = head.byteLength + upload.size + tail.byteLength;
  const { source } = upload;
  if (source instanceof Uint8Array || (typeof Blob !== 'undefined' && source instanceof Blob)) {
    return { body: new Blob([head, source as BlobPart, tail]), contentType, length, failure: () => undefined };
  }
  let failure: TribeConfigError | undefined;
  return { body: framedStream(head, source as SizedStream, tail, (error) => (failure = error)), contentType, length, failure: () => failure };
}
