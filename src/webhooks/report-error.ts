import type { WebhookEvent } from './envelope.js';

/** Gives an error to the app's `onError`; a failing listener must not change the answer, so what it throws is dropped. */
export async function reportError(
  onError: ((error: unknown, event: WebhookEvent | undefined) => void | Promise<void>) | undefined,
  error: unknown,
  event: WebhookEvent | undefined,
): Promise<void> {
  try {
    await onError?.(error, event);
  } catch {
    // Dropped on purpose: see above.
  }
}
