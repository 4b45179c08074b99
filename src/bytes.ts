/** Joins chunks into one byte array of exactly `length` bytes. */
export function concatBytes(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/** A time limit for reading a whole stream: after `ms` the read is cancelled and `expired()` is thrown. */
export interface ReadDeadline {
  ms: number;
  expired: () => Error;
}

/**
 * Reads a byte stream whole, but never more than `maxBytes` of it: the moment it grows past the
 * limit the stream is cancelled and `tooLarge()` is thrown, so an endless or huge body is never held.
 * With a `deadline`, a stream that is still not done after `deadline.ms` is cancelled the same way.
 */
export async function readStreamWithin(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
  deadline?: ReadDeadline,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    if (deadline) timer = setTimeout(() => reject(deadline.expired()), deadline.ms);
  });
  // Raced below on every read; this catch only keeps a rejection that lands between reads from counting as unhandled.
  expired.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), expired]);
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return concatBytes(chunks, length);
}
