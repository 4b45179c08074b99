import { TribeError } from '../errors.js';

/** Why a delivery was refused: each maps to one check of {@link verifyWebhook}. */
export type TribeWebhookReason = 'missing-signature' | 'bad-signature' | 'stale' | 'future' | 'too-large' | 'malformed';

/** A webhook delivery that failed verification or is not a platform request; never carries a signing secret. */
export class TribeWebhookError extends TribeError {
  /** Which check refused the delivery. */
  readonly reason: TribeWebhookReason;

  constructor(message: string, reason: TribeWebhookReason) {
    super('TRIBE_WEBHOOK', message);
    this.reason = reason;
  }
}
