import { DEFAULT_ENDPOINT } from '../constants.js';
import { isTribeRegion, TRIBE_REGION_ENDPOINTS, type TribeRegion } from '../regions.js';
import type { TransportSettings } from '../transport/exchange.js';
import { resolveCall, type ResolvedCall } from './call-options.js';
import { invalid, object, optionalText, signal, text } from './rules.js';
import { resolveTransport, type TransportOptions } from './transport-options.js';

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
  /** The GraphQL endpoint that mints tokens; defaults to the region's, else {@link DEFAULT_ENDPOINT}. */
  endpoint?: string;
  /** The region the community is hosted in: `us` (api.bettermode.com) or `eu` (api.bettermode.de); give this or `endpoint`. */
  region?: TribeRegion;
  /** A fetch implementation to use instead of the entry's default transport (the same as `transport.fetch`). */
  fetch?: typeof fetch;
  /** How requests travel: your own fetch, pool size, proxy, timeout and size limit. */
  transport?: TransportOptions;
  /** Cancels the mint. */
  signal?: AbortSignal;
}

/** The app's identity after validation: credentials separated from a clean endpoint URL. */
export interface ResolvedAuth {
  clientId: string;
  clientSecret: string;
  networkId: string;
  endpoint: string;
}

function decodeUserInfo(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return invalid('the credentials in the endpoint URL', 'valid percent-encoding');
  }
}

/** Parses an endpoint and splits off credentials written as `https://id:secret@host/...`. */
export function parseEndpoint(endpoint: unknown): { url: string; clientId?: string; clientSecret?: string } {
  let url: URL;
  try {
    url = new URL(text(endpoint, 'endpoint'));
  } catch {
    return invalid('endpoint', 'an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') invalid('endpoint', 'an http(s) URL');
  if (!url.username && !url.password) return { url: url.href };
  const credentials = { clientId: decodeUserInfo(url.username), clientSecret: decodeUserInfo(url.password) };
  url.username = '';
  url.password = '';
  return { url: url.href, ...credentials };
}

/** The endpoint of a region, checked; undefined without one. A region and an endpoint together are a mistake. */
function regionEndpoint(region: unknown): string | undefined {
  if (region === undefined) return undefined;
  if (!isTribeRegion(region)) return invalid('region', `one of ${Object.keys(TRIBE_REGION_ENDPOINTS).join(', ')}`);
  return TRIBE_REGION_ENDPOINTS[region];
}

/** Validates the app's identity: credentials given once (as options or in the URL), a usable client ID, a network. */
export function resolveAuth(options: Omit<TribeAuthOptions, 'memberId' | 'signal' | 'fetch' | 'transport'>): ResolvedAuth {
  const endpoint = parseEndpoint(options.endpoint ?? regionEndpoint(options.region) ?? DEFAULT_ENDPOINT);
  if (options.region !== undefined && options.endpoint !== undefined) invalid('region', 'left out when endpoint is given (the endpoint names the host)');
  const given = options.clientId !== undefined || options.clientSecret !== undefined;
  if (given && endpoint.clientId !== undefined && (options.clientId !== endpoint.clientId || options.clientSecret !== endpoint.clientSecret)) {
    invalid('clientId/clientSecret', 'given once: the endpoint URL carries different credentials');
  }
  const clientId = text(given ? options.clientId : endpoint.clientId, 'clientId');
  const clientSecret = text(given ? options.clientSecret : endpoint.clientSecret, 'clientSecret');
  if (clientId.includes(':')) invalid('clientId', 'free of ":" (HTTP Basic auth cannot carry it)');
  return { clientId, clientSecret, networkId: text(options.networkId, 'networkId'), endpoint: endpoint.url };
}

/** A member ID to act as; undefined (the bot) stays undefined. */
export function resolveMemberId(memberId: unknown): string | undefined {
  return optionalText(memberId, 'memberId');
}

/** What {@link mintAccessToken} runs with. */
export interface ResolvedMintOptions {
  auth: ResolvedAuth;
  memberId: string | undefined;
  transport: TransportSettings;
  /** The timeout and size limit from the transport group; the retry policy of a query. */
  call: ResolvedCall;
  signal: AbortSignal | undefined;
}

/** Validates the options of a one-off mint. */
export function resolveMintOptions(options: TribeAuthOptions): ResolvedMintOptions {
  const given = object(options, 'options');
  const transport = resolveTransport(given);
  return {
    auth: resolveAuth(given),
    memberId: resolveMemberId(given.memberId),
    transport: transport.settings,
    call: resolveCall(transport.limits),
    signal: signal(given.signal, 'signal'),
  };
}
