import { TribeConfigError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { integer, object, optionalText } from '../options/rules.js';

/** Bytes a stream yields, with their count given up front (a presigned POST needs the length). */
export interface SizedStream {
  /** A web ReadableStream, or any async iterable of bytes such as a Node `Readable`. */
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  /** How many bytes the stream yields; a stream that yields another count fails the upload. */
  size: number;
}

/** What an upload sends: a `Blob` or `File`, bytes in memory (any typed array, so Node's buffers too), or a stream with its length. */
export type UploadSource = Blob | ArrayBuffer | ArrayBufferView | SizedStream;

/** One image to upload; `contentType` and `name` default to the `File`'s own. */
export interface ImageUpload {
  file: UploadSource;
  /** An `image/*` media type. */
  contentType?: string;
  name?: string;
  width?: number;
  height?: number;
  cropX?: number;
  cropY?: number;
  cropWidth?: number;
  cropHeight?: number;
  cropZoom?: number;
}

/** One file to upload; `extension` defaults to the name's. */
export interface FileUpload {
  file: UploadSource;
  contentType?: string;
  name?: string;
  /** The file's extension without the dot, e.g. `pdf`. */
  extension?: string;
}

/** Options of `uploadImages` and `uploadFiles`. */
export interface UploadOptions {
  /** Upload as this member (default: the bot). */
  memberId?: string;
  /** Cancels the uploads, including the signing call. */
  signal?: AbortSignal;
  /** How many uploads run at once (default 4). */
  concurrency?: number;
  /** The largest file accepted, in bytes, checked before anything is sent (default 25 MiB for images, 100 MiB for files). */
  maxBytes?: number;
}

/** An upload after its checks: what to sign, and the bytes to send. */
export interface CheckedUpload {
  name: string;
  contentType: string;
  size: number;
  source: Blob | Uint8Array | SizedStream;
}

const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,128}$/i;

function isSizedStream(value: unknown): value is SizedStream {
  if (typeof value !== 'object' || value === null || !('stream' in value)) return false;
  const { stream } = value as { stream: unknown };
  return typeof stream === 'object' && stream !== null && (stream instanceof ReadableStream || Symbol.asyncIterator in stream);
}

function bytesOf(file: unknown, at: string): { source: CheckedUpload['source']; size: number; type: string; name: string | undefined } {
  if (typeof Blob !== 'undefined' && file instanceof Blob) {
    return { source: file, size: file.size, type: file.type, name: typeof (file as File).name === 'string' ? (file as File).name : undefined };
  }
  if (file instanceof ArrayBuffer) return { source: new Uint8Array(file), size: file.byteLength, type: '', name: undefined };
  if (ArrayBuffer.isView(file))
    return { source: new Uint8Array(file.buffer, file.byteOffset, file.byteLength), size: file.byteLength, type: '', name: undefined };
  if (isSizedStream(file)) {
    const size = integer(file.size, `${at}.file.size`, 0, Number.MAX_SAFE_INTEGER)!;
    return { source: file, size, type: '', name: undefined };
  }
  throw new TribeConfigError(MESSAGES.invalidOption(`${at}.file`, 'a Blob or File, an ArrayBuffer or typed array, or { stream, size }'));
}

/** Checks one upload: its bytes, a media type of the right kind, a size within the limit, and a name. */
export function checkUpload(input: ImageUpload | FileUpload, at: string, kind: 'image' | 'file', maxBytes: number): CheckedUpload {
  const given = object(input, at);
  const bytes = bytesOf(given.file, at);
  const contentType = optionalText(given.contentType, `${at}.contentType`) ?? bytes.type;
  if (!MEDIA_TYPE.test(contentType) || (kind === 'image' && !contentType.toLowerCase().startsWith('image/'))) {
    throw new TribeConfigError(
      MESSAGES.invalidOption(`${at}.contentType`, kind === 'image' ? 'an image/* media type' : 'a media type such as application/pdf'),
    );
  }
  if (bytes.size === 0 || bytes.size > maxBytes)
    throw new TribeConfigError(MESSAGES.invalidOption(`${at}.file`, `1 to ${maxBytes} bytes long (it has ${bytes.size})`));
  const name = optionalText(given.name, `${at}.name`) ?? bytes.name ?? kind;
  return { name, contentType, size: bytes.size, source: bytes.source };
}

/** A file's extension: the given one, else its name's; a file upload needs one. */
export function extensionOf(input: FileUpload, name: string, at: string): string {
  const extension = optionalText(input.extension, `${at}.extension`) ?? /\.([A-Za-z0-9]{1,16})$/.exec(name)?.[1];
  if (!extension || !/^[A-Za-z0-9]{1,16}$/.test(extension))
    throw new TribeConfigError(MESSAGES.invalidOption(`${at}.extension`, 'given, or the end of name (e.g. report.pdf)'));
  return extension.toLowerCase();
}
