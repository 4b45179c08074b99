import { describe, expect, it } from 'vitest';
import { measureWebhookVerify, renderWebhookVerify } from '../../bench/webhook-verify.js';

// A few iterations of the verification bench, so it does not rot; it checks correctness, never speed.
describe('webhook verification bench, smoke run', () => {
  it('verifies every body size with all three ways and renders a table', async () => {
    const results = await measureWebhookVerify({ smoke: true });
    expect(results.map((row) => row.allAccepted)).toEqual([true, true, true]);
    expect(renderWebhookVerify(results).split('\n')).toHaveLength(5);
  });
});
