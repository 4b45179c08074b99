import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';
import { TribeNetworkError } from '../../errors.js';
import { MESSAGES } from '../../messages.js';

const decoders: Record<string, (input: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  br: promisify(brotliDecompress),
  // Some servers send raw deflate under the name deflate; try the zlib wrapper first, then raw.
  deflate: (input) => promisify(inflate)(input).catch(() => promisify(inflateRaw)(input)),
};

/** The encodings {@link decodeBody} can undo, for the `accept-encoding` header. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

/**
 * Undoes the `content-encoding` of an answer, last encoding first, and returns the text. An encoding
 * it does not know is an error, so that compressed bytes are never read as JSON.
 */
export async function decodeBody(body: Buffer, contentEncoding: string | string[] | undefined): Promise<string> {
  const codings = (Array.isArray(contentEncoding) ? contentEncoding.join(',') : (contentEncoding ?? ''))
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let bytes = body;
  for (const coding of codings.reverse()) {
    const decode = decoders[coding];
    if (!decode) throw new TribeNetworkError(MESSAGES.unknownEncoding(coding));
    bytes = await decode(bytes);
  }
  return bytes.toString('utf8');
}
