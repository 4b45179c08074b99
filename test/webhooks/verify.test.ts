import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TribeConfigError, TribeError } from '../../src/index.js';
import { DEFAULT_TOLERANCE_MS, signWebhook, TribeWebhookError, verifyWebhook, type TribeWebhookReason } from '../../src/webhooks/index.js';
import { errorViews, platformSign, subscriptionBody } from './signed.js';

const SECRET = 'whsec-current-7f3a9c1e5b';
const OLD_SECRET = 'whsec-previous-0d2b4e6f8a';
const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const now = () => NOW;
const body = subscriptionBody('post.published', 'Evt1');

async function rejection(promise: Promise<unknown>): Promise<TribeWebhookError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TribeWebhookError);
  return error as TribeWebhookError;
}

async function expectReason(promise: Promise<unknown>, reason: TribeWebhookReason): Promise<TribeWebhookError> {
  const error = await rejection(promise);
  expect(error.reason).toBe(reason);
  expect(error).toBeInstanceOf(TribeError);
  expect(error.code).toBe('TRIBE_WEBHOOK');
  expect(error.message.startsWith('tribe-sdk: ')).toBe(true);
  const views = await errorViews(error);
  for (const secret of [SECRET, OLD_SECRET]) expect(views).not.toContain(secret);
  return error;
}

describe('verifyWebhook', () => {
  it('verifies a delivery signed by the platform and returns the typed event', async () => {
    const event = await verifyWebhook({ rawBody: new TextEncoder().encode(body), headers: platformSign(body, SECRET, NOW) }, { signingSecret: SECRET, now });
    expect(event.type).toBe('SUBSCRIPTION');
    expect(event).toEqual(JSON.parse(body));
  });

  it('accepts the body as a string, an ArrayBuffer, and headers as a web Headers object', async () => {
    const headers = new Headers(platformSign(body, SECRET, NOW));
    await expect(verifyWebhook({ rawBody: body, headers }, { signingSecret: SECRET, now })).resolves.toMatchObject({ type: 'SUBSCRIPTION' });
    const buffer = new TextEncoder().encode(body).buffer;
    await expect(verifyWebhook({ rawBody: buffer, headers }, { signingSecret: SECRET, now })).resolves.toMatchObject({ type: 'SUBSCRIPTION' });
  });

  it('accepts the Tribe-era X-Tribe-* headers', async () => {
    const headers = platformSign(body, SECRET, NOW, 'x-tribe');
    await expect(verifyWebhook({ rawBody: body, headers }, { signingSecret: SECRET, now })).resolves.toMatchObject({ type: 'SUBSCRIPTION' });
  });

  it('rejects one flipped body byte as bad-signature', async () => {
    const bytes = new TextEncoder().encode(body);
    bytes[40] = bytes[40]! ^ 0x01;
    await expectReason(verifyWebhook({ rawBody: bytes, headers: platformSign(body, SECRET, NOW) }, { signingSecret: SECRET, now }), 'bad-signature');
  });

  it('rejects a wrong secret as bad-signature', async () => {
    await expectReason(verifyWebhook({ rawBody: body, headers: platformSign(body, 'another-secret', NOW) }, { signingSecret: SECRET, now }), 'bad-signature');
  });

  it('rejects a signature of the body alone, without the timestamp', async () => {
    const { createHmac } = await import('node:crypto');
    const headers = { ...platformSign(body, SECRET, NOW), 'x-bettermode-signature': createHmac('sha256', SECRET).update(body).digest('hex') };
    await expectReason(verifyWebhook({ rawBody: body, headers }, { signingSecret: SECRET, now }), 'bad-signature');
  });

  it('rejects a re-serialised JSON body as bad-signature', async () => {
    const spaced = JSON.stringify(JSON.parse(body), null, 2);
    const reserialised = JSON.stringify(JSON.parse(spaced));
    await expectReason(verifyWebhook({ rawBody: reserialised, headers: platformSign(spaced, SECRET, NOW) }, { signingSecret: SECRET, now }), 'bad-signature');
  });

  it('rejects a signature that is not hex, or is a prefix of the right one', async () => {
    const good = platformSign(body, SECRET, NOW);
    for (const signature of ['zz', good['x-bettermode-signature']!.slice(0, 32), '']) {
      const headers = { ...good, 'x-bettermode-signature': signature };
      await expectReason(verifyWebhook({ rawBody: body, headers }, { signingSecret: SECRET, now }), signature === '' ? 'missing-signature' : 'bad-signature');
    }
  });

  it('accepts a timestamp exactly at the tolerance and rejects one 1 ms past it as stale', async () => {
    const atEdge = NOW - DEFAULT_TOLERANCE_MS;
    await expect(verifyWebhook({ rawBody: body, headers: platformSign(body, SECRET, atEdge) }, { signingSecret: SECRET, now })).resolves.toBeDefined();
    await expectReason(verifyWebhook({ rawBody: body, headers: platformSign(body, SECRET, atEdge - 1) }, { signingSecret: SECRET, now }), 'stale');
  });

  it('says so when a stale timestamp looks like epoch seconds', async () => {
    const seconds = Math.floor(NOW / 1000);
    const error = await expectReason(verifyWebhook({ rawBody: body, headers: platformSign(body, SECRET, seconds) }, { signingSecret: SECRET, now }), 'stale');
    expect(error.message).toContain('looks like seconds');
  });

  it('defaults the tolerance to 15 minutes and takes another one', async () => {
    expect(DEFAULT_TOLERANCE_MS).toBe(15 * 60_000);
    const fiveMinutesOld = platformSign(body, SECRET, NOW - 5 * 60_000 - 1);
    await expect(verifyWebhook({ rawBody: body, headers: fiveMinutesOld }, { signingSecret: SECRET, now })).resolves.toBeDefined();
    await expectReason(verifyWebhook({ rawBody: body, headers: fiveMinutesOld }, { signingSecret: SECRET, now, toleranceMs: 5 * 60_000 }), 'stale');
  });

  it('rejects a timestamp beyond the tolerance in the future as future', async () => {
    await expect(
      verifyWebhook({ rawBody: body, headers: platformSign(body, SECRET, NOW + DEFAULT_TOLERANCE_MS) }, { signingSecret: SECRET, now }),
    ).resolves.toBeDefined();
    await expectReason(
      verifyWebhook({ rawBody: body, headers: platformSign(body, SECRET, NOW + DEFAULT_TOLERANCE_MS + 1) }, { signingSecret: SECRET, now }),
      'future',
    );
  });

  it('rejects a delivery without its signature or timestamp header as missing-signature', async () => {
    const headers = platformSign(body, SECRET, NOW);
    for (const missing of ['x-bettermode-signature', 'x-bettermode-request-timestamp']) {
      const rest = { ...headers };
      delete rest[missing];
      await expectReason(verifyWebhook({ rawBody: body, headers: rest }, { signingSecret: SECRET, now }), 'missing-signature');
    }
    await expectReason(verifyWebhook({ rawBody: body, headers: {} }, { signingSecret: SECRET, now }), 'missing-signature');
  });

  it('accepts both the old and the new secret during a rotation', async () => {
    const rotation = { signingSecret: [SECRET, OLD_SECRET], now };
    await expect(verifyWebhook({ rawBody: body, headers: platformSign(body, SECRET, NOW) }, rotation)).resolves.toBeDefined();
    await expect(verifyWebhook({ rawBody: body, headers: platformSign(body, OLD_SECRET, NOW) }, rotation)).resolves.toBeDefined();
    await expectReason(verifyWebhook({ rawBody: body, headers: platformSign(body, 'retired', NOW) }, rotation), 'bad-signature');
  });

  it('refuses a body over the limit before hashing it: even an unsigned one is too-large, not bad-signature', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const headers = { 'x-bettermode-signature': 'ab', 'x-bettermode-request-timestamp': String(NOW) };
    await expectReason(verifyWebhook({ rawBody: big, headers }, { signingSecret: SECRET, now }), 'too-large');
    const small = { rawBody: body, headers: platformSign(body, SECRET, NOW) };
    await expectReason(verifyWebhook(small, { signingSecret: SECRET, now, maxBodyBytes: body.length - 1 }), 'too-large');
    await expect(verifyWebhook(small, { signingSecret: SECRET, now, maxBodyBytes: body.length })).resolves.toBeDefined();
  });

  it('rejects signed bodies that are not platform requests, and a timestamp that is not epoch ms, as malformed', async () => {
    const cases = [
      'not json',
      '[1]',
      '{"type":"NOPE","networkId":"n","data":{}}',
      '{"type":"TEST","data":{}}',
      '{"type":"SUBSCRIPTION","networkId":"n","data":{"name":"post.published"}}',
    ];
    for (const text of cases)
      await expectReason(verifyWebhook({ rawBody: text, headers: platformSign(text, SECRET, NOW) }, { signingSecret: SECRET, now }), 'malformed');
    const headers = { ...platformSign(body, SECRET, NOW), 'x-bettermode-request-timestamp': '2026-03-01T12:00:00Z' };
    await expectReason(verifyWebhook({ rawBody: body, headers }, { signingSecret: SECRET, now }), 'malformed');
  });

  it('rejects bad options with a TribeConfigError that names no secret', async () => {
    for (const signingSecret of ['', [], [SECRET, ''], undefined as unknown as string]) {
      const error = await verifyWebhook({ rawBody: body, headers: {} }, { signingSecret }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TribeConfigError);
      expect(await errorViews(error)).not.toContain(SECRET);
    }
    await expect(verifyWebhook({ rawBody: body, headers: {} }, { signingSecret: SECRET, toleranceMs: -1 })).rejects.toThrow(
      'tribe-sdk: toleranceMs must be a number of ms from 1 to',
    );
  });

  it('signWebhook signs as the platform does (the same headers node:crypto computes)', async () => {
    const signed = await signWebhook(JSON.parse(body) as object, { signingSecret: SECRET, timestamp: NOW });
    expect(signed.body).toBe(JSON.stringify(JSON.parse(body)));
    expect(signed.headers).toEqual(platformSign(signed.body, SECRET, NOW));
    const legacy = await signWebhook(body, { signingSecret: SECRET, timestamp: NOW, legacyHeaders: true });
    expect(legacy.headers).toEqual(platformSign(body, SECRET, NOW, 'x-tribe'));
    await expect(verifyWebhook({ rawBody: legacy.body, headers: legacy.headers }, { signingSecret: SECRET, now })).resolves.toBeDefined();
  });

  it('for any body, a signed delivery verifies and any one changed byte is refused (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 255 }), async (bytes, position, flip) => {
        const envelope = new TextEncoder().encode(`{"type":"TEST","data":{"challenge":"${Buffer.from(bytes).toString('hex')}"}}`);
        const headers = platformSign(envelope, SECRET, NOW);
        await expect(verifyWebhook({ rawBody: envelope, headers }, { signingSecret: SECRET, now })).resolves.toMatchObject({ type: 'TEST' });
        const changed = envelope.slice();
        changed[position % changed.length] = changed[position % changed.length]! ^ flip;
        await expectReason(verifyWebhook({ rawBody: changed, headers }, { signingSecret: SECRET, now }), 'bad-signature');
      }),
      { numRuns: 60 },
    );
  });
});
