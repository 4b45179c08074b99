import { TribeNetworkError } from '../errors.js';
import { MESSAGES } from '../messages.js';

/** A `SignedUrl` as the platform answers it: where to POST, the form fields, and where the media will be. */
export interface SignedUrlAnswer {
  signedUrl: string;
  fields: string;
  mediaId: string;
  mediaUrl: string;
  mediaDownloadUrl: string;
  urls: { full: string; large: string; medium: string; small: string; thumb: string } | null;
}

/** A checked upload target. */
export interface UploadTarget {
  url: string;
  fields: Array<[string, string]>;
}

const MAX_FIELDS = 64;
const MAX_FIELD_LENGTH = 16 * 1024;

function unusable(what: string): never {
  throw new TribeNetworkError(MESSAGES.unreadable(`the upload target's ${what}`));
}

/** Whether a host is this machine: the only place an upload may go over plain http (the local emulator). */
function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/**
 * Checks a target read from the API before any byte goes there: an https URL (http only on loopback)
 * without credentials, and `fields` a JSON object of at most 64 short strings, kept in their order.
 * The messages never quote a field, since the fields carry the signature.
 */
export function readUploadTarget(answer: SignedUrlAnswer): UploadTarget {
  let url: URL;
  try {
    url = new URL(answer.signedUrl);
  } catch {
    return unusable('signedUrl (not a URL)');
  }
  if (url.username || url.password) unusable('signedUrl (it carries credentials)');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) unusable('signedUrl (not https)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.fields);
  } catch {
    return unusable('fields (not JSON)');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) unusable('fields (not an object)');
  const fields = Object.entries(parsed as Record<string, unknown>).map(([name, value]): [string, string] => {
    if (typeof value !== 'string' && typeof value !== 'number') unusable('fields (a value is not a string)');
    const text = String(value);
    if (name.length > 256 || text.length > MAX_FIELD_LENGTH || /[\r\n]/.test(name)) unusable('fields (a field is too long or malformed)');
    return [name, text];
  });
  if (fields.length > MAX_FIELDS) unusable('fields (too many)');
  return { url: url.href, fields };
}
