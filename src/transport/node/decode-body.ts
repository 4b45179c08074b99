import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import { TribeNetworkError } from '../../errors.js';
import { MESSAGES } from '../../messages.js';
import { tooLarge } from '../bounded-text.js';

type Decoder = (input: Buffer, options: ZlibOptions) => Promise<Buffer>;

const isTooLarge = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE';

const decoders: Record<string, Decoder> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  br: promisify(brotliDecompress),
  // Some servers send raw deflate under the name deflate; try the zlib wrapper first, then raw.
  deflate: (input, options) =>
    promisify(inflate)(input, options).catch((error: unknown) => {
      if (isTooLarge(error)) throw error;
      return promisify(inflateRaw)(input, options);
    }),
};

/** The encodings {@link decodeBody} can undo, for the `accept-encoding` header. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

/**
 * Undoes the `content-encoding` of an answer, last encoding first, and returns the text. Each step
 * stops at `maxResponseBytes` of output (zlib's own bound), so a compression bomb costs at most that
 * much memory. An encoding it does not know is an error, so compressed bytes are never read as JSON.
 */
export async function decodeBody(body: Buffer, contentEncoding: string | string[], maxResponseBytes: number, status: number): Promise<string> {
  const codings = (Array.isArray(contentEncoding) ? contentEncoding.join(',') : contentEncoding)
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let bytes = body;
  for (const coding of codings.reverse()) {
    const decode = decoders[coding];
    if (!decode) throw new TribeNetworkError(MESSAGES.unknownEncoding(coding.slice(0, 64)), { status });
    try {
      bytes = await decode(bytes, { maxOutputLength: maxResponseBytes });
    } catch (error) {
      if (isTooLarge(error)) throw tooLarge(maxResponseBytes, status);
      throw error;
    }
  }
  return bytes.toString('utf8');
}
