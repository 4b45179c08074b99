import { TribeError, type TribeErrorDetails } from '../errors.js';

/**
 * Why a delivery was refused: each maps to one check of {@link verifyWebhook}, or (`timeout`) to the handler's body
 * deadline, or (`in-progress`) to another worker holding its event.
 */
export type TribeWebhookReason = 'missing-signature' | 'bad-signature' | 'stale' | 'future' | 'too-large' | 'malformed' | 'timeout' | 'in-progress';

/** Details of a {@link TribeWebhookError}. */
export interface TribeWebhookDetails extends TribeErrorDetails {
  reason: TribeWebhookReason;
}

/** A webhook delivery that failed verification or is not a platform request; never carries a signing secret. */
export class TribeWebhookError extends TribeError {
  /** Always `TRIBE_WEBHOOK`. */
  readonly code = 'TRIBE_WEBHOOK';
  /** Which check refused the delivery. */
  readonly reason: TribeWebhookReason;

  constructor(message: string, details: TribeWebhookDetails) {
    super(message, details);
    this.reason = details.reason;
  }
}
