import type { DocumentNode } from 'graphql';
import { TribeConfigError } from '../errors.js';
import { MESSAGES } from '../messages.js';

/**
 * What `tribe.request` takes: a `DocumentNode`, a document string, or either one carrying its result
 * and variables types the way TypedDocumentNode, client-preset's `graphql()` and gql.tada do.
 */
// eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- client-preset's TypedDocumentString is a String object
export type RequestDocument<TResult = unknown, TVariables = Record<string, unknown>> = (DocumentNode | string | String) & {
  __apiType?: (variables: TVariables) => TResult;
};

/** Options of one `tribe.request` call. */
export interface RequestCallOptions {
  /** Act as this member for this call (default: the bot). */
  memberId?: string;
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Headers for this call only. */
  headers?: Record<string, string>;
}

/** The arguments after the document: variables are required exactly when the operation has a required variable. */
export type RequestArgs<TVariables> = [keyof TVariables] extends [never]
  ? [variables?: TVariables, options?: RequestCallOptions]
  : Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: RequestCallOptions]
    : [variables: TVariables, options?: RequestCallOptions];

/**
 * Sends any document through the client's tokens, retries, timeouts, events and errors. The variables'
 * type comes from the document alone (`NoInfer`), so an excess or misspelt variable is a type error.
 */
export type TypedRequest = <TResult = unknown, TVariables = Record<string, unknown>>(
  document: RequestDocument<TResult, TVariables>,
  ...args: RequestArgs<NoInfer<TVariables>>
) => Promise<TResult>;

const parsed = new Map<string, DocumentNode>();

// Loaded at the first string document only: graphql's parser reads process.env as it loads (its Source
// class), which Deno allows only with --allow-env; DocumentNode callers never load it.
const loadParser = (): Promise<typeof import('graphql/language/parser.js')> => import('graphql/language/parser.js');

/** A document string parsed once (bounded); a syntax error is the caller's, before anything is sent. */
// eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- see RequestDocument
export async function toDocumentNode(document: DocumentNode | string | String): Promise<DocumentNode> {
  if (typeof document === 'object' && document !== null && !(document instanceof String) && (document as DocumentNode).kind === 'Document') {
    return document as DocumentNode;
  }
  if (typeof document !== 'string' && !(document instanceof String)) {
    throw new TribeConfigError(MESSAGES.invalidOption('document', 'a DocumentNode or a GraphQL document string'));
  }
  const text = String(document);
  let node = parsed.get(text);
  if (node === undefined) {
    const { parse } = await loadParser();
    try {
      node = parse(text);
    } catch (error) {
      throw new TribeConfigError(MESSAGES.invalidOption('document', `valid GraphQL (${(error as Error).message.slice(0, 200)})`));
    }
    if (parsed.size >= 500) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, node);
  }
  return node;
}
