import type { DocumentNode } from 'graphql';
import { CreateFilesDocument, CreateImagesDocument } from '../../generated/sdk.js';
import { combineSignals } from '../combine-signals.js';
import { TribeConfigError, TribeNetworkError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { integer, object, signal as checkSignal } from '../options/rules.js';
import { resolveMemberId } from '../options/auth-options.js';
import { postUpload } from './post-upload.js';
import { readUploadTarget, type SignedUrlAnswer } from './signed-target.js';
import { checkUpload, extensionOf, type CheckedUpload, type FileUpload, type ImageUpload, type UploadOptions } from './upload-input.js';
import type { UploadedFile, UploadedImage } from './uploaded-media.js';

/** Runs one GraphQL operation through the client (tokens, retries, errors), as the bot or a member. */
export type RunOperation = <T>(document: DocumentNode, variables: unknown, options: { memberId?: string | undefined; signal?: AbortSignal }) => Promise<T>;

/** What the uploads of one client share: its runner, its fetch and its call options. */
export interface UploadContext {
  run: RunOperation;
  fetch: typeof fetch | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

/** The uploads of a client. */
export interface Uploads {
  /** Uploads images: signs a target per image with `createImages`, then POSTs each file to it. */
  uploadImages(images: ImageUpload[], options?: UploadOptions): Promise<UploadedImage[]>;
  /** Uploads files: signs a target per file with `createFiles`, then POSTs each file to it. */
  uploadFiles(files: FileUpload[], options?: UploadOptions): Promise<UploadedFile[]>;
}

const DEFAULT_CONCURRENCY = 4;
const MAX_PER_CALL = 20;
const DEFAULT_MAX_BYTES = { image: 25 * 1024 * 1024, file: 100 * 1024 * 1024 } as const;

/** Runs `work` over `items` with at most `limit` at once; the first failure aborts the rest. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function checkList<T>(value: unknown, option: string): T[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 1000)
    throw new TribeConfigError(MESSAGES.invalidOption(option, 'an array of 1 to 1000 uploads'));
  return value as T[];
}

/**
 * Builds `uploadImages` and `uploadFiles` for a client. Every input is checked before anything is
 * sent; the targets are signed in calls of up to 20, and the files sent with bounded concurrency
 * under the client's timeout; one failure cancels the uploads still running.
 */
export function createUploads(context: UploadContext): Uploads {
  async function upload<TInput extends ImageUpload | FileUpload, TVariable>(
    kind: 'image' | 'file',
    inputs: TInput[],
    given: UploadOptions | undefined,
    describe: (input: TInput, checked: CheckedUpload, at: string) => TVariable,
  ): Promise<Array<{ checked: CheckedUpload; answer: SignedUrlAnswer; variable: TVariable }>> {
    const options = object(given, 'options');
    const list = checkList<TInput>(inputs, kind === 'image' ? 'images' : 'files');
    const concurrency = integer(options.concurrency, 'concurrency', 1, 64) ?? DEFAULT_CONCURRENCY;
    const maxBytes = integer(options.maxBytes, 'maxBytes', 1, Number.MAX_SAFE_INTEGER) ?? DEFAULT_MAX_BYTES[kind];
    const memberId = resolveMemberId(options.memberId);
    const callerSignal = checkSignal(options.signal, 'signal');
    const prepared = list.map((input, index) => {
      const at = `${kind === 'image' ? 'images' : 'files'}[${index}]`;
      const checked = checkUpload(input, at, kind, maxBytes);
      return { checked, variable: describe(input, checked, at) };
    });
    const document = kind === 'image' ? CreateImagesDocument : CreateFilesDocument;
    const answers: SignedUrlAnswer[] = [];
    for (let start = 0; start < prepared.length; start += MAX_PER_CALL) {
      const input = prepared.slice(start, start + MAX_PER_CALL).map((entry) => entry.variable);
      const data = await context.run<Record<string, SignedUrlAnswer[]>>(document, { input }, { memberId, signal: callerSignal });
      const signed = data[kind === 'image' ? 'createImages' : 'createFiles'];
      if (!Array.isArray(signed) || signed.length !== input.length)
        throw new TribeNetworkError(MESSAGES.unreadable('the API signed another number of targets than asked'));
      answers.push(...signed);
    }
    const targets = answers.map(readUploadTarget);
    const stop = new AbortController();
    const signals = [stop.signal, callerSignal, context.signal].filter((one): one is AbortSignal => one !== undefined);
    const combined = combineSignals(signals);
    try {
      await eachLimited(prepared, concurrency, (entry, index) =>
        postUpload(targets[index]!, entry.checked, { fetch: context.fetch, timeoutMs: context.timeoutMs, signal: combined.signal }).catch((error: unknown) => {
          stop.abort(error);
          throw error;
        }),
      );
    } finally {
      combined.release();
    }
    return prepared.map((entry, index) => ({ ...entry, answer: answers[index]! }));
  }

  return {
    async uploadImages(images, options) {
      const sent = await upload('image', images, options, (input, checked) => ({
        contentType: checked.contentType,
        name: checked.name,
        ...pick(input, ['width', 'height', 'cropX', 'cropY', 'cropWidth', 'cropHeight', 'cropZoom']),
      }));
      return sent.map(({ checked, answer }) => ({
        id: answer.mediaId,
        url: answer.mediaUrl,
        downloadUrl: answer.mediaDownloadUrl,
        urls: answer.urls,
        name: checked.name,
        contentType: checked.contentType,
        size: checked.size,
      }));
    },
    async uploadFiles(files, options) {
      const sent = await upload('file', files, options, (input, checked, at) => ({
        contentType: checked.contentType,
        name: checked.name,
        size: checked.size,
        extension: extensionOf(input, checked.name, at),
      }));
      return sent.map(({ checked, answer, variable }) => ({
        id: answer.mediaId,
        url: answer.mediaUrl,
        downloadUrl: answer.mediaDownloadUrl,
        name: checked.name,
        contentType: checked.contentType,
        size: checked.size,
        extension: variable.extension,
      }));
    },
  };
}

/** The numeric image fields the caller gave, each checked. */
function pick(input: ImageUpload, keys: ReadonlyArray<keyof ImageUpload>): Record<string, number> {
  const picked: Record<string, number> = {};
  for (const key of keys) {
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TribeConfigError(MESSAGES.invalidOption(String(key), 'a finite number'));
    picked[key] = value;
  }
  return picked;
}
