import { TribeForbiddenError, TribeNetworkError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { withDeadline } from '../transport/deadline.js';
import { readBoundedText } from '../transport/bounded-text.js';
import { multipartBody } from './multipart.js';
import type { UploadTarget } from './signed-target.js';
import type { CheckedUpload } from './upload-input.js';

/** The most of a storage answer read; it is only searched for an error code. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** How one upload is sent. */
export interface PostUploadOptions {
  fetch: typeof fetch | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

/** The storage's error code (`<Code>AccessDenied</Code>`), when it is a plain word; nothing else of the answer is kept. */
function storageCode(text: string): string | undefined {
  return /<Code>([A-Za-z]{1,64})<\/Code>/.exec(text)?.[1];
}

/**
 * POSTs one file to its signed target, without the API's bearer token (the signature is the
 * credential), under the call's timeout and signal. A refusal (HTTP 403: the target expired or a
 * field was changed) is a `TribeForbiddenError`; any other status a `TribeNetworkError`.
 */
export async function postUpload(target: UploadTarget, upload: CheckedUpload, options: PostUploadOptions): Promise<void> {
  const { body, contentType, length, failure } = multipartBody(target.fields, upload);
  const streamed = !(typeof Blob !== 'undefined' && body instanceof Blob);
  const keep = (text: string) => text;
  const sending = withDeadline(options.signal, options.timeoutMs, keep, async (signal) => {
    const init: RequestInit & { duplex?: 'half' } = {
      method: 'POST',
      headers: streamed ? { 'content-type': contentType, 'content-length': String(length) } : { 'content-type': contentType },
      body,
      signal,
      redirect: 'error',
    };
    if (streamed) init.duplex = 'half';
    const response = await (options.fetch ?? globalThis.fetch)(target.url, init);
    const answer = await readBoundedText(response, MAX_ANSWER_BYTES).catch(() => '');
    if (response.ok) return;
    const code = storageCode(answer);
    const what = `HTTP ${response.status}${code ? `, ${code}` : ''}`;
    if (response.status === 403) throw new TribeForbiddenError(MESSAGES.uploadRefused(what), { status: 403 });
    throw new TribeNetworkError(MESSAGES.uploadFailed(what), { status: response.status });
  });
  // A stream of the wrong length is the caller's mistake, whatever the runtime made of the broken body.
  await sending.catch((error: unknown) => {
    throw failure() ?? error;
  });
}
