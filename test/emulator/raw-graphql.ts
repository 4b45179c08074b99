import type { RunningEmulator } from '../../packages/tools/src/emulator/index.js';

/** One error object as the emulator sends it: Tribe's `code` and `message` at the top level. */
export interface RawError {
  message: string;
  code?: string;
  [key: string]: unknown;
}

/** An answer read without the SDK: status, headers and the parsed body. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: RawError[] };
}

/** The Basic header, encoded here independently of the SDK's own encoder. */
export function basicHeader(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
}

/** POSTs a GraphQL request with plain fetch, as curl would. */
export async function postGraphQL(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; authorization?: string; signal?: AbortSignal } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
    signal: options.signal,
  });
  const text = await response.text();
  let body: RawAnswer['body'];
  try {
    body = JSON.parse(text) as RawAnswer['body'];
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, headers: response.headers, body };
}

/** The mint query, written by hand so that the protocol is tested without the generated SDK. */
export const LIMITED_TOKEN_QUERY = `query limitedToken($networkId: String!, $memberId: String) {
  limitedToken(context: NETWORK, networkId: $networkId, entityId: $networkId, impersonateMemberId: $memberId) {
    accessToken
    gatewayUrl
  }
}`;

/** Sends `limitedToken` with raw fetch; credentials and network default to the emulator's demo app. */
export function mintRaw(emulator: RunningEmulator, options: { memberId?: string; networkId?: string; authorization?: string } = {}): Promise<RawAnswer> {
  return postGraphQL(emulator.url, LIMITED_TOKEN_QUERY, {
    variables: { networkId: options.networkId ?? emulator.networkId, memberId: options.memberId },
    authorization: options.authorization ?? basicHeader(emulator.clientId, emulator.clientSecret),
  });
}

/** Mints with raw fetch and returns the access token; fails the test when the mint fails. */
export async function mintTokenRaw(emulator: RunningEmulator, memberId?: string): Promise<string> {
  const answer = await mintRaw(emulator, { memberId });
  const token = answer.body.data?.limitedToken?.accessToken as string | undefined;
  if (answer.status !== 200 || !token) throw new Error(`mint failed: HTTP ${answer.status} ${JSON.stringify(answer.body.errors)}`);
  return token;
}

/** Runs a query as a bearer with raw fetch. */
export function asBearer(
  emulator: RunningEmulator,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<RawAnswer> {
  return postGraphQL(emulator.url, query, { variables, authorization: `Bearer ${token}`, signal });
}
