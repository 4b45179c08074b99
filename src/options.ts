import { DEFAULT_ENDPOINT } from './constants.js';
import { TribeConfigError } from './errors.js';

/** What an app needs to mint an access token for one network. */
export interface TribeAuthOptions {
  /** The app's client ID; may instead be given in the endpoint URL as `https://id:secret@host/graphql`. */
  clientId?: string;
  /** The app's client secret; may instead be given in the endpoint URL. */
  clientSecret?: string;
  /** The community (network) the token is for; also sent as `entityId`. */
  networkId: string;
  /** Act as this member; leave out for a bot token with admin rights. */
  memberId?: string;
  /** The GraphQL endpoint that mints tokens; defaults to {@link DEFAULT_ENDPOINT}. */
  endpoint?: string;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
  /** Cancels the mint. */
  signal?: AbortSignal;
}

/** Options after validation: credentials separated from a clean endpoint URL. */
export interface ResolvedAuthOptions {
  clientId: string;
  clientSecret: string;
  networkId: string;
  memberId: string | undefined;
  endpoint: string;
}

function fail(problem: string): never {
  throw new TribeConfigError(`tribe-sdk: ${problem}`);
}

function decodeUserInfo(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return fail('the credentials in the endpoint URL are not valid percent-encoding');
  }
}

/** Parses the endpoint and splits off credentials written as `https://id:secret@host/...`. */
export function parseEndpoint(endpoint: string): { url: string; clientId?: string; clientSecret?: string } {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return fail('endpoint must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('endpoint must be an http(s) URL');
  if (!url.username && !url.password) return { url: url.href };
  const credentials = { clientId: decodeUserInfo(url.username), clientSecret: decodeUserInfo(url.password) };
  url.username = '';
  url.password = '';
  return { url: url.href, ...credentials };
}

/** Checks that a required option is a non-empty string. */
export function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${name} must be a non-empty string`);
  return value;
}

/** Checks a member ID before it is used to mint; undefined (the bot) stays undefined. */
export function resolveMemberId(memberId: string | undefined): string | undefined {
  return memberId === undefined ? undefined : requireText(memberId, 'memberId');
}

/** Validates auth options before any request is sent; every problem is a {@link TribeConfigError}. */
export function resolveAuthOptions(options: TribeAuthOptions): ResolvedAuthOptions {
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  const endpoint = parseEndpoint(options.endpoint ?? DEFAULT_ENDPOINT);
  const given = options.clientId !== undefined || options.clientSecret !== undefined;
  const inUrl = endpoint.clientId !== undefined;
  if (given && inUrl && (options.clientId !== endpoint.clientId || options.clientSecret !== endpoint.clientSecret)) {
    fail('the endpoint URL carries credentials that differ from clientId/clientSecret; give them once');
  }
  const clientId = requireText(given ? options.clientId : endpoint.clientId, 'clientId');
  const clientSecret = requireText(given ? options.clientSecret : endpoint.clientSecret, 'clientSecret');
  if (clientId.includes(':')) fail('clientId must not contain ":" (HTTP Basic auth cannot carry it)');
  const networkId = requireText(options.networkId, 'networkId');
  return { clientId, clientSecret, networkId, memberId: resolveMemberId(options.memberId), endpoint: endpoint.url };
}
