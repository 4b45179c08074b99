import { invalid, text } from '../options/rules.js';

/** Whether a URL's host is this machine, where plain http is allowed (the local emulator). */
export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/** A community's origin (`https://community.example.com`): https, or http on loopback; no credentials, path or query. */
export function communityOrigin(value: unknown): string {
  let url: URL;
  try {
    url = new URL(text(value, 'communityUrl'));
  } catch {
    return invalid('communityUrl', 'an absolute URL such as https://community.example.com');
  }
  if (url.username || url.password) invalid('communityUrl', 'free of credentials');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) invalid('communityUrl', 'an https URL (http only on loopback)');
  return url.origin;
}
