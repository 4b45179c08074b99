/**
 * Every message the SDK's errors carry, one wording per situation. Each starts with `tribe-sdk:` so
 * that a log line says where it came from.
 */
export const MESSAGES = {
  /** An option or input the SDK cannot use: `<option> must be <what>`. */
  invalidOption: (option: string, mustBe: string) => `tribe-sdk: ${option} must be ${mustBe}`,
  /** A call on a client after `close()`. */
  closed: 'tribe-sdk: this client was closed',
  /** The caller's signal fired. */
  aborted: 'tribe-sdk: the call was aborted',
  /** An attempt ran out of time. */
  timeout: (timeoutMs: number) => `tribe-sdk: no complete answer within ${timeoutMs} ms`,
  /** The exchange failed before an answer arrived. */
  noAnswer: (reason: string) => `tribe-sdk: the request failed before an answer arrived (${reason})`,
  /** The answer could not be read as a GraphQL result. */
  unreadable: (reason: string) => `tribe-sdk: unreadable answer (${reason})`,
  /** The answer passed the size limit. */
  tooLarge: (maxResponseBytes: number) => `tribe-sdk: the answer is larger than maxResponseBytes (${maxResponseBytes} bytes); reading stopped`,
  /** The answer needs a decoder the SDK does not have. */
  unknownEncoding: (coding: string) => `tribe-sdk: the answer uses content-encoding "${coding}", which tribe-sdk cannot decode`,
  /** A redirect the SDK will not follow. */
  redirectRefused: (status: number) => `tribe-sdk: the API answered HTTP ${status} (a redirect tribe-sdk does not follow)`,
  /** The mint was refused for the credentials. */
  credentialsRejected: (what: string) => `tribe-sdk: the client ID or client secret was rejected: ${what}`,
  /** A bearer token was refused. */
  tokenRejected: (what: string) => `tribe-sdk: the access token was rejected: ${what}`,
  /** The mint was refused for the network. */
  mintForbidden: (networkId: string, what: string) => `tribe-sdk: forbidden: the app must be published and installed on network ${networkId} (${what})`,
  /** A call was refused. */
  forbidden: (networkId: string, what: string) =>
    `tribe-sdk: forbidden: ${what}. If this is every call, the app must be published and installed on network ${networkId}`,
  /** The rate limit was hit. */
  rateLimited: (what: string) => `tribe-sdk: rate limited: ${what}`,
  /** An HTTP error status, with the API's errors when it sent any. */
  httpStatus: (status: number, what: string | undefined) => `tribe-sdk: the API answered HTTP ${status}${what === undefined ? '' : `: ${what}`}`,
  /** GraphQL errors. */
  graphql: (what: string) => `tribe-sdk: ${what}`,
  /** A mint answer without a token. */
  mintWithoutToken: 'tribe-sdk: the mint answered without a usable access token',
  /** Redis did not answer a command in time. */
  redisTimeout: (command: string, timeoutMs: number) => `tribe-sdk: Redis did not answer ${command} within ${timeoutMs} ms`,
  /** A Redis command failed; only the error's class is kept, as the client's message may quote a token. */
  redisFailed: (command: string, kind: string) => `tribe-sdk: Redis ${command} failed (${kind})`,
  /** No token appeared while another holder kept the mint lock. */
  mintLockWait: (waitMs: number) => `tribe-sdk: no token appeared within ${waitMs} ms while the mint lock was held elsewhere`,
  /** A proxy where the SDK does not open the connections itself. */
  proxyUnsupported:
    'tribe-sdk: transport.proxy works on the Node entry only; on this runtime (or with your own fetch) the fetch in use decides how to reach a proxy',
  /** The storage refused an upload. */
  uploadRefused: (what: string) => `tribe-sdk: the upload target refused the file (${what}): it expired, or its signed fields were changed`,
  /** An upload failed with another status. */
  uploadFailed: (what: string) => `tribe-sdk: the upload failed (${what})`,
  /** The callback's state differs from the session's. */
  oauthStateMismatch: 'tribe-sdk: the OAuth callback carries another state than this session started with; it may be forged',
  /** The platform sent the member back without a code. */
  oauthDeclined: (error: string) => `tribe-sdk: the sign-in ended without a code (${error})`,
  /** The token endpoint refused a grant. */
  oauthGrantRefused: (grant: string, error: string) => `tribe-sdk: the token endpoint refused the ${grant} (${error})`,
  /** A paginated answer that would loop. */
  cursorLoop: 'tribe-sdk: the API reported a next page without a new endCursor; stopping to avoid a loop',
} as const;
