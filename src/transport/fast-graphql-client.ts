import type { DocumentNode } from 'graphql';
import type { GraphQLClient, RequestOptions, Variables } from 'graphql-request';
import { TribeConfigError } from '../errors.js';
import type { HttpExchange } from './http-exchange.js';
import { sendOperation } from './send-operation.js';

/** Options of {@link createFastGraphQLClient}. */
export interface FastGraphQLClientOptions {
  exchange: HttpExchange;
  /** The URL of each request, read per request because the minted `gatewayUrl` may change it. */
  url: () => string;
  timeoutMs: number;
  /** Aborts every request of this client, in addition to a per-call signal. */
  signal?: AbortSignal | undefined;
}

function combine(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b);
}

function unsupported(): never {
  throw new TribeConfigError('tribe-sdk: the SDK client only runs request({ document, variables }); generate getSdk with rawRequest: false');
}

/**
 * The client a generated `getSdk` is given. Its `request` takes the object form the generated code
 * uses, prints each document once (cached), and sends through our exchange; failures are
 * graphql-request's own `ClientError`, so the error mapping sees what it saw before.
 *
 * It is a plain object typed as GraphQLClient, not a subclass: `getSdk` only calls `request`, and the
 * class would pull about 14 KB gzip of graphql-request (its own fetch layer and parser) into every
 * browser bundle.
 */
export function createFastGraphQLClient(options: FastGraphQLClientOptions): GraphQLClient {
  const request = <T>(call: RequestOptions<Variables, T>): Promise<T> => {
    if (typeof call !== 'object' || call === null || typeof call.document !== 'object') {
      return Promise.reject(new TribeConfigError('tribe-sdk: the SDK client takes request({ document, variables }) with a parsed document'));
    }
    return sendOperation<T>(options.exchange, {
      url: options.url(),
      document: call.document as DocumentNode,
      variables: call.variables,
      headers: call.requestHeaders as HeadersInit | undefined,
      signal: combine(options.signal, call.signal ?? undefined),
      timeoutMs: options.timeoutMs,
    });
  };
  const client = { request, rawRequest: unsupported, batchRequests: unsupported, setHeaders: unsupported, setHeader: unsupported, setEndpoint: unsupported };
  return client as unknown as GraphQLClient;
}
