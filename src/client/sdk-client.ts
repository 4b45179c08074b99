import type { GraphQLClient, RequestOptions, Variables } from 'graphql-request';
import type { DocumentNode } from 'graphql';
import { TribeConfigError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import type { RunRequest } from './request-runner.js';

function unsupported(): never {
  throw new TribeConfigError(MESSAGES.invalidOption('the SDK client', 'used through request({ document, variables }); generate getSdk with rawRequest: false'));
}

/**
 * The client a generated `getSdk` is given: its `request` goes through the runner as `memberId`.
 * It is a plain object typed as GraphQLClient, not a subclass: `getSdk` only calls `request`, and the
 * class would pull graphql-request's own fetch layer and parser into every bundle.
 */
export function sdkClient(run: RunRequest, memberId: string | undefined): GraphQLClient {
  const request = <T>(call: RequestOptions<Variables, T>): Promise<T> => {
    if (typeof call !== 'object' || call === null || typeof call.document !== 'object') {
      return Promise.reject(new TribeConfigError(MESSAGES.invalidOption('request', 'called as request({ document, variables }) with a parsed document')));
    }
    return run<T>(call.document as DocumentNode, call.variables, { headers: call.requestHeaders, signal: call.signal, memberId });
  };
  const client = { request, rawRequest: unsupported, batchRequests: unsupported, setHeaders: unsupported, setHeader: unsupported, setEndpoint: unsupported };
  return client as unknown as GraphQLClient;
}
