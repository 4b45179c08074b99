import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTribeClient, imageHtml, TribeConfigError, TribeForbiddenError, type TribeClient } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function fiveMegabytes(): Buffer {
  const bytes = Buffer.alloc(5 * 1024 * 1024);
  for (let index = 0; index < bytes.length; index += 4096) bytes.writeUInt32BE(index, index);
  return bytes;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function download(url: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

function client(): TribeClient {
  const made = createTribeClient(appOptions(emulator.current));
  return made;
}

describe('media uploads', () => {
  it('uploads an image and embeds it in a post, whose content serves the same bytes back', async () => {
    const tribe = client();
    const member = emulator.current.memberIds[2]!;
    const [image] = await tribe.uploadImages([{ file: new File([PNG], 'dot.png', { type: 'image/png' }), width: 1, height: 1 }], { memberId: member });
    expect(image).toMatchObject({ name: 'dot.png', contentType: 'image/png', size: PNG.length });
    expect(image!.urls?.thumb).toContain(image!.id);
    expect(emulator.current.media.get(image!.id)).toMatchObject({ kind: 'image', name: 'dot.png' });

    const { createPost } = await tribe.impersonate(member).createPost({
      spaceId: 'SpcGeneral',
      input: {
        postTypeId: 'PtyDiscuss',
        publish: true,
        mappingFields: [
          { key: 'title', type: 'text', value: JSON.stringify('A photo') },
          { key: 'content', type: 'html', value: JSON.stringify(`<p>Look:</p>${imageHtml(image!)}`) },
        ],
      },
    });
    const { post } = await tribe.sdk.post({ id: createPost.id });
    const content = post.fields?.find((field) => field.key === 'content')?.value ?? '';
    const src = /<img src="([^"]+)"/.exec(content)?.[1];
    expect(src).toBe(image!.url);
    const served = await download(src!);
    expect(served).toMatchObject({ status: 200, type: 'image/png' });
    expect(sha(served.bytes)).toBe(sha(PNG));
    tribe.close();
  });

  it('uploads a 5 MB file from a Buffer and from a Node stream of known length', async () => {
    const tribe = client();
    const bytes = fiveMegabytes();
    const [fromBuffer, fromStream] = await tribe.uploadFiles([
      { file: bytes, name: 'firmware.bin', contentType: 'application/octet-stream' },
      {
        file: { stream: Readable.from([bytes.subarray(0, 1_000_000), bytes.subarray(1_000_000)]), size: bytes.length },
        name: 'copy.bin',
        contentType: 'application/octet-stream',
      },
    ]);
    for (const file of [fromBuffer!, fromStream!]) {
      expect(file).toMatchObject({ extension: 'bin', size: bytes.length });
      const served = await download(file.downloadUrl);
      expect(served.status).toBe(200);
      expect(sha(served.bytes)).toBe(sha(bytes));
    }
    expect(emulator.current.requestCount('createFiles')).toBeGreaterThan(0);
    tribe.close();
  });

  it('refuses bad input with TribeConfigError before anything is sent', async () => {
    const tribe = client();
    const before = emulator.current.requests.length;
    const refusals: Array<[string, () => Promise<unknown>]> = [
      ['images[0].contentType', () => tribe.uploadImages([{ file: new Blob(['text'], { type: 'text/plain' }) }])],
      ['images[0].file', () => tribe.uploadImages([{ file: new Uint8Array(0), contentType: 'image/png' }])],
      ['images[0].file', () => tribe.uploadImages([{ file: PNG, contentType: 'image/png' }], { maxBytes: 10 })],
      ['images[0].file', () => tribe.uploadImages([{ file: 'not bytes' as never, contentType: 'image/png' }])],
      ['files[0].extension', () => tribe.uploadFiles([{ file: PNG, name: 'no-extension', contentType: 'application/octet-stream' }])],
      ['images', () => tribe.uploadImages([])],
      ['concurrency', () => tribe.uploadImages([{ file: PNG, contentType: 'image/png' }], { concurrency: 0 })],
    ];
    for (const [option, attempt] of refusals) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TribeConfigError);
      expect((error as Error).message).toContain(`tribe-sdk: ${option}`);
    }
    expect(emulator.current.requests.length).toBe(before);
    tribe.close();
  });

  it('fails a stream that yields another length than it declared with TribeConfigError', async () => {
    const tribe = client();
    const short = tribe.uploadFiles([
      { file: { stream: Readable.from([Buffer.alloc(10)]), size: 20 }, name: 'short.bin', contentType: 'application/octet-stream' },
    ]);
    await expect(short).rejects.toThrow(TribeConfigError);
    tribe.close();
  });

  it('an expired target is refused with TribeForbiddenError that quotes no signed field', async () => {
    const tribe = client();
    emulator.current.setUploadTtl(-1);
    const error = await tribe.uploadImages([{ file: PNG, contentType: 'image/png', name: 'late.png' }]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TribeForbiddenError);
    expect((error as Error).message).toMatch(/refused the file \(HTTP 403, AccessDenied\)/);
    const text = `${JSON.stringify(error)} ${(error as Error).message}`;
    expect(text).not.toMatch(/Policy|X-Amz-Signature|[0-9a-f]{64}/);
    tribe.close();
  });

  it('the emulator refuses a changed field, a changed policy, a reused target and a form out of order', async () => {
    const tribe = client();
    const sign = async () => (await tribe.sdk.createImages({ input: [{ contentType: 'image/png', name: 'dot.png' }] })).createImages[0]!;
    const post = async (
      target: { signedUrl: string; fields: string },
      change: (fields: Record<string, string>) => void = () => undefined,
      fileFirst = false,
    ) => {
      const fields = JSON.parse(target.fields) as Record<string, string>;
      change(fields);
      const form = new FormData();
      if (fileFirst) form.append('file', new Blob([PNG]), 'dot.png');
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('Content-Type', 'image/png');
      if (!fileFirst) form.append('file', new Blob([PNG]), 'dot.png');
      const response = await fetch(target.signedUrl, { method: 'POST', body: form });
      return { status: response.status, text: await response.text() };
    };
    const tampered = await sign();
    expect(await post(tampered, (fields) => (fields.key = 'media/MedOther00000'))).toMatchObject({
      status: 403,
      text: expect.stringContaining('AccessDenied'),
    });
    const forged = await sign();
    const policy = JSON.parse(Buffer.from(JSON.parse(forged.fields).Policy, 'base64').toString()) as Record<string, unknown>;
    const longer = Buffer.from(JSON.stringify({ ...policy, expiration: '2099-01-01T00:00:00.000Z' })).toString('base64');
    expect(await post(forged, (fields) => (fields.Policy = longer))).toMatchObject({ status: 403, text: expect.stringContaining('SignatureDoesNotMatch') });
    const unordered = await sign();
    expect(await post(unordered, undefined, true)).toMatchObject({ status: 400 });
    const once = await sign();
    expect((await post(once)).status).toBe(204);
    expect(await post(once)).toMatchObject({ status: 403, text: expect.stringContaining('used already') });
    expect((await download(forged.mediaUrl)).status).toBe(404);
    tribe.close();
  });
});
