import { API_CODE, apiError } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import { UPLOAD_PATH } from '../media/media-routes.js';
import type { MediaKind } from '../media/media-store.js';
import { memberViewerOf } from '../viewer.js';

const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;
/** The most targets one call may ask for. */
const MAX_TARGETS = 20;

interface MediaInput {
  contentType: string;
  name?: string | null;
}

/** One `SignedUrl` per input: a target on this emulator, where the media will then be served. */
function signedUrls(kind: MediaKind, inputs: MediaInput[], context: EmulatorContext) {
  memberViewerOf(context);
  if (inputs.length === 0 || inputs.length > MAX_TARGETS) throw apiError(API_CODE.parameterValidation, `input must hold 1 to ${MAX_TARGETS} entries`);
  const { media } = context;
  return inputs.map((input) => {
    if (!CONTENT_TYPE.test(input.contentType) || (kind === 'image' && !input.contentType.startsWith('image/'))) {
      throw apiError(API_CODE.invalidParameter, `contentType must be ${kind === 'image' ? 'an image/* type' : 'a media type'}`);
    }
    const { mediaId, fields } = media.sign(kind, input.contentType, input.name ?? null);
    const mediaUrl = `${media.origin}/media/${mediaId}`;
    const sizes = ['full', 'large', 'medium', 'small', 'thumb'] as const;
    return {
      signedUrl: `${media.origin}${UPLOAD_PATH}`,
      fields: JSON.stringify(fields),
      mediaId,
      mediaUrl,
      mediaDownloadUrl: `${mediaUrl}/download`,
      urls: kind === 'image' ? Object.fromEntries(sizes.map((size) => [size, mediaUrl])) : null,
    };
  });
}

/** The first step of an upload: `createImages` and `createFiles` answer signed targets on this emulator. */
export const mediaResolvers = {
  Query: {},
  Mutation: {
    createImages: (_: unknown, args: { input: MediaInput[] }, context: EmulatorContext) => signedUrls('image', args.input, context),
    createFiles: (_: unknown, args: { input: MediaInput[] }, context: EmulatorContext) => signedUrls('file', args.input, context),
  },
};
