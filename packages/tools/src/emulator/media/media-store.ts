import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What kind of media a target was signed for: an image (`createImages`) or a file (`createFiles`). */
export type MediaKind = 'image' | 'file';

/** One media object whose bytes arrived. */
export interface StoredMedia {
  id: string;
  kind: MediaKind;
  name: string | null;
  contentType: string;
  bytes: Buffer;
}

/** A signed target, as the emulator remembers it until the upload arrives. */
interface PendingTarget {
  kind: MediaKind;
  name: string | null;
}

/** The policy a target's signature covers, as an S3 presigned POST carries it (base64 JSON). */
interface UploadPolicy {
  expiration: string;
  key: string;
  mediaId: string;
  contentTypePrefix: string;
  maxBytes: number;
}

/** Why an upload was refused: the HTTP status and a short reason (never a field's value). */
export interface UploadRefusal {
  status: number;
  code: string;
  reason: string;
}

/** The largest upload the emulator accepts, in bytes. */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

const SIGNATURE_FIELD = 'X-Amz-Signature';

/**
 * Signs upload targets and keeps the uploaded bytes. A target's form fields are an S3-style presigned
 * POST: `key`, an algorithm and a date, a base64 `Policy` (expiry, key, content type, size) and an
 * HMAC-SHA256 signature of the policy with a secret of this emulator only.
 */
export class MediaStore {
  readonly #secret = randomBytes(32);
  readonly #pending = new Map<string, PendingTarget>();
  readonly #media = new Map<string, StoredMedia>();
  #nextId = 1;
  /** The emulator's own origin, which signed targets and media URLs point at; set once the server listens. */
  origin = '';
  /** How long a signed target stays valid, in seconds; a negative value signs targets already expired (for tests). */
  ttlSeconds: number;

  constructor(ttlSeconds: number) {
    this.ttlSeconds = ttlSeconds;
  }

  /** Signs a target for one upload; the form fields come in the order they must be sent. */
  sign(kind: MediaKind, contentType: string, name: string | null): { mediaId: string; fields: Record<string, string> } {
    const mediaId = `Med${String(this.#nextId++).padStart(6, '0')}${randomBytes(2).toString('hex')}`;
    const key = `media/${mediaId}`;
    const policy: UploadPolicy = {
      expiration: new Date(Date.now() + this.ttlSeconds * 1000).toISOString(),
      key,
      mediaId,
      contentTypePrefix: kind === 'image' ? 'image/' : contentType,
      maxBytes: MAX_UPLOAD_BYTES,
    };
    const encoded = Buffer.from(JSON.stringify(policy)).toString('base64');
    this.#pending.set(mediaId, { kind, name });
    return {
      mediaId,
      fields: {
        key,
        'X-Amz-Algorithm': 'HMAC-SHA256',
        'X-Amz-Date': new Date().toISOString(),
        Policy: encoded,
        [SIGNATURE_FIELD]: this.#signature(encoded),
      },
    };
  }

  /**
   * Checks an upload's form (entries in the order received) and keeps the file: the signed fields
   * first, unchanged, then `Content-Type`, then `file`; a valid signature over an unexpired policy
   * whose key, content type and size match. Each target takes one upload.
   */
  accept(entries: ReadonlyArray<[string, string | Blob]>, bytes: (file: Blob) => Promise<Buffer>): Promise<StoredMedia | UploadRefusal> | UploadRefusal {
    const names = entries.map(([name]) => name);
    const fileAt = names.indexOf('file');
    if (fileAt !== names.length - 1 || names[fileAt - 1] !== 'Content-Type') {
      return refusal(400, 'InvalidArgument', 'the form must end with Content-Type, then file');
    }
    const fields = new Map(entries.slice(0, -2).map(([name, value]) => [name, typeof value === 'string' ? value : '']));
    const encoded = fields.get('Policy') ?? '';
    const signature = fields.get(SIGNATURE_FIELD) ?? '';
    if (!this.#signatureMatches(encoded, signature)) return refusal(403, 'SignatureDoesNotMatch', 'the signature does not match the policy');
    const policy = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as UploadPolicy;
    if (Date.parse(policy.expiration) <= Date.now()) return refusal(403, 'AccessDenied', 'the upload target has expired');
    if (fields.get('key') !== policy.key) return refusal(403, 'AccessDenied', 'the key field does not match the policy');
    const contentType = String(entries[fileAt - 1]![1]);
    if (!contentType.startsWith(policy.contentTypePrefix)) return refusal(403, 'AccessDenied', 'the Content-Type does not match the policy');
    const pending = this.#pending.get(policy.mediaId);
    if (!pending) return refusal(403, 'AccessDenied', 'the upload target was used already');
    const file = entries[fileAt]![1];
    if (typeof file === 'string') return refusal(400, 'InvalidArgument', 'file must be a file part');
    if (file.size > policy.maxBytes) return refusal(400, 'EntityTooLarge', 'the file is larger than the policy allows');
    this.#pending.delete(policy.mediaId);
    return bytes(file).then((content) => {
      const media: StoredMedia = { id: policy.mediaId, kind: pending.kind, name: pending.name, contentType, bytes: content };
      this.#media.set(media.id, media);
      return media;
    });
  }

  /** The media whose bytes arrived, by ID. */
  get(mediaId: string): StoredMedia | undefined {
    return this.#media.get(mediaId);
  }

  #signature(encodedPolicy: string): string {
    return createHmac('sha256', this.#secret).update(encodedPolicy).digest('hex');
  }

  #signatureMatches(encodedPolicy: string, signature: string): boolean {
    const expected = Buffer.from(this.#signature(encodedPolicy));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function refusal(status: number, code: string, reason: string): UploadRefusal {
  return { status, code, reason };
}
