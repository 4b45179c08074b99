import { TribeWebhookError } from './webhook-error.js';
import { concatBytes } from './concat-bytes.js';

function tooLarge(maxBytes: number): TribeWebhookError {
  return new TribeWebhookError(`tribe-sdk: the webhook body is larger than ${maxBytes} bytes`, { reason: 'too-large' });
}

/** Reads a request's body, refusing it as soon as it grows past `maxBytes`, so a huge body is never held whole. */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return concatBytes(chunks, length);
}
