import type { AttemptReport } from '../emulator/webhook-delivery.js';

/**
 * One line for one webhook delivery attempt: the event, the URL, the attempt, the app's status or why
 * no answer came, and what follows (`retry in 200 ms`, `no more retries`, `not retried`).
 */
export function webhookAttemptLine({ record, url, maxAttempts, nextRetryInMs }: AttemptReport): string {
  const event = record.name === undefined ? record.type : `${record.type} ${record.name}`;
  const result = record.status === undefined ? `no answer: ${record.error ?? 'unknown'}` : `HTTP ${record.status}`;
  const ok = record.status !== undefined && record.status >= 200 && record.status < 300;
  const next = ok ? '' : nextRetryInMs !== undefined ? `; retry in ${nextRetryInMs} ms` : record.attempt >= maxAttempts ? '; no more retries' : '; not retried';
  const fault = record.fault === undefined ? '' : ` (fault: ${record.fault})`;
  return `tribe-sdk emulator: webhook ${event} -> ${url} attempt ${record.attempt}/${maxAttempts}${fault}: ${result}${next}`;
}
