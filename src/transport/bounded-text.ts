import { TribeResponseTooLargeError } from '../errors.js';
import { readStreamWithin } from '../bytes.js';
import { MESSAGES } from '../messages.js';

/** The error of an answer past the limit. */
export function tooLarge(maxResponseBytes: number, status: number): TribeResponseTooLargeError {
  return new TribeResponseTooLargeError(MESSAGES.tooLarge(maxResponseBytes), { maxResponseBytes, status });
}

/** The declared length of a body when it is a plain number, else undefined. */
export function declaredLength(value: string | null | undefined): number | undefined {
  return value !== null && value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Reads a fetch answer's body as text, at most `maxResponseBytes` of it (counted after the runtime
 * decompressed it): past that the stream is cancelled and the read fails at once, so an endless or
 * compressed body never grows memory beyond the limit. A body of declared, small-enough length and
 * no encoding is read the fast way.
 */
export async function readBoundedText(response: Response, maxResponseBytes: number): Promise<string> {
  const length = declaredLength(response.headers.get('content-length'));
  const encoded = response.headers.get('content-encoding') !== null;
  if (length !== undefined && !encoded) {
    if (length <= maxResponseBytes) return response.text();
    await response.body?.cancel();
    throw tooLarge(maxResponseBytes, response.status);
  }
  if (response.body === null) return '';
  const bytes = await readStreamWithin(response.body, maxResponseBytes, () => tooLarge(maxResponseBytes, response.status));
  return new TextDecoder().decode(bytes);
}
