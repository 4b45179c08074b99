import { TribeWebhookError } from './webhook-error.js';
import { readStreamWithin } from '../bytes.js';

function tooLarge(maxBytes: number): TribeWebhookError {
  return new TribeWebhookError(`tribe-sdk: the webhook body is larger than ${maxBytes} bytes`, { reason: 'too-large' });
}

/** Limits on reading one request's body. */
export interface BodyLimits {
  maxBytes: number;
  /** How long the whole body may take to arrive, in ms. */
  timeoutMs: number;
}

/**
 * Reads a request's body, refusing it as soon as it grows past `maxBytes` (or says it will, in Content-Length)
 * or takes longer than `timeoutMs`, so a huge or dripping body is never held; a lost connection fails as malformed.
 */
export async function readBoundedBody(request: Request, { maxBytes, timeoutMs }: BodyLimits): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const expired = () => new TribeWebhookError(`tribe-sdk: the webhook body did not arrive within ${timeoutMs} ms`, { reason: 'timeout' });
  try {
    return await readStreamWithin(request.body, maxBytes, () => tooLarge(maxBytes), { ms: timeoutMs, expired });
  } catch (error) {
    if (error instanceof TribeWebhookError) throw error;
    throw new TribeWebhookError('tribe-sdk: the webhook body could not be read; the connection may have been lost', { reason: 'malformed', cause: error });
  }
}
