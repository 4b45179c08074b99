import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { API_CODE, apiError } from './api-error.js';
import type { EmulatorContext } from './context.js';
import { GUEST_ROOT_FIELDS, PUBLIC_ROOT_FIELDS } from './resolvers/auth.js';

/** The root field names an operation selects, through fragments too. */
export function rootFieldNames(document: DocumentNode, operationName?: string | null): string[] {
  const operations = document.definitions.filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((node) => node.name?.value === operationName) : operations[0];
  const fragments = new Map(
    document.definitions.flatMap((node) => (node.kind === Kind.FRAGMENT_DEFINITION ? [[node.name.value, node.selectionSet] as const] : [])),
  );
  const names: string[] = [];
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(fragments.get(selection.name.value));
    }
  };
  visit(operation?.selectionSet);
  return names;
}

const PROBLEM_TEXT = {
  missing: 'an access token is required (Authorization: Bearer <token>)',
  invalid: 'the access token is invalid',
  expired: 'the access token has expired',
  revoked: 'the access token was revoked',
} as const;

/**
 * Refuses an operation before it runs unless its caller may call every root field it selects:
 * public fields need nothing, guests may only log in and read the network, the rest need a valid
 * bearer token for this network (code 108, HTTP 401) and a non-guest one (code 102).
 */
export function authGate(): Plugin<EmulatorContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as EmulatorContext;
      const fields = rootFieldNames(args.document, args.operationName).filter((name) => !PUBLIC_ROOT_FIELDS.has(name));
      if (fields.length === 0) return;
      const { caller } = context;
      let problem: keyof typeof PROBLEM_TEXT | undefined;
      if (caller.kind === 'rejected') problem = caller.problem;
      else if (caller.kind !== 'bearer') problem = 'missing';
      else if (caller.claims.networkId !== context.store.data.network.id) problem = 'invalid';
      if (problem) {
        setResultAndStopExecution({ errors: [apiError(API_CODE.invalidToken, PROBLEM_TEXT[problem], 401)] });
        return;
      }
      const guest = caller.kind === 'bearer' && caller.claims.roleType === 'guest';
      const refused = guest ? fields.find((name) => !GUEST_ROOT_FIELDS.has(name)) : undefined;
      if (refused) setResultAndStopExecution({ errors: [apiError(API_CODE.permission, `guests may not call ${refused}; log in first`, 403)] });
    },
  };
}
