import { TribeWebhookError } from './webhook-error.js';
import { readStreamWithin } from '../bytes.js';

function tooLarge(maxBytes: number): TribeWebhookError {
  return new TribeWebhookError(`tribe-sdk: the webhook body is larger than ${maxBytes} bytes`, { reason: 'too-large' });
}

/** Reads a request's body, refusing it as soon as it grows past `maxBytes`, so a huge body is never held whole. */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  return readStreamWithin(request.body, maxBytes, () => tooLarge(maxBytes));
}
