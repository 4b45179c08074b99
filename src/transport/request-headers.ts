import { SDK_NAME, SDK_VERSION } from '../constants.js';

const USER_AGENT = `${SDK_NAME}/${SDK_VERSION}`;

/**
 * The headers every GraphQL POST carries, with the caller's (already validated, lower-cased) headers
 * over them. The SDK's own `authorization` is set per attempt on top of these.
 */
export function requestHeaders(extra: Readonly<Record<string, string>>): Record<string, string> {
  return {
    accept: 'application/graphql-response+json, application/json',
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    ...extra,
  };
}
