import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { API_CODE } from './api-error.js';
import { queryComplexity } from './complexity.js';
import type { EmulatorContext } from './context.js';
import type { EmulatorRequestLimits } from './request-limit-settings.js';

interface Tally {
  fields: number;
  aliases: number;
  introspections: number;
}

/**
 * Counts fields, aliases and `__schema` selections as if every fragment were written out, stopping as soon as
 * `stopAt` fields are seen, so that a document of fragments spread into fragments cannot make the count itself slow.
 */
function tally(document: DocumentNode, stopAt: number): Tally {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const node of document.definitions) if (node.kind === Kind.FRAGMENT_DEFINITION) fragments.set(node.name.value, node);
  const counted: Tally = { fields: 0, aliases: 0, introspections: 0 };
  const visit = (set: SelectionSetNode | undefined, spreading: ReadonlySet<string>): void => {
    for (const selection of set?.selections ?? []) {
      if (counted.fields > stopAt) return;
      if (selection.kind === Kind.FIELD) {
        counted.fields += 1;
        if (selection.alias) counted.aliases += 1;
        if (selection.name.value === '__schema') counted.introspections += 1;
        visit(selection.selectionSet, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, spreading);
      else if (!spreading.has(selection.name.value)) {
        // A fragment spread inside itself is a validation error; here it is only not followed.
        visit(fragments.get(selection.name.value)?.selectionSet, new Set([...spreading, selection.name.value]));
      }
    }
  };
  for (const node of document.definitions) if (node.kind === Kind.OPERATION_DEFINITION) visit(node.selectionSet, new Set());
  return counted;
}

function tooMuch(message: string): GraphQLError {
  return new GraphQLError(`the emulator refuses this request: ${message}`, { extensions: { code: API_CODE.invalidRequest, http: { status: 400 } } });
}

/** The first limit a document breaks, if any. */
function structuralProblem(document: DocumentNode, limits: EmulatorRequestLimits): GraphQLError | undefined {
  const counted = tally(document, limits.maxFields);
  if (counted.fields > limits.maxFields) return tooMuch(`it selects more than ${limits.maxFields} fields`);
  if (counted.aliases > limits.maxAliases) return tooMuch(`it has ${counted.aliases} aliases, more than ${limits.maxAliases}`);
  if (counted.introspections > limits.maxIntrospections) {
    return tooMuch(`it selects __schema ${counted.introspections} times, more than ${limits.maxIntrospections}`);
  }
  return undefined;
}

/**
 * Refuses, with a 118 error, an operation over the limits: aliases, fields and introspections
 * right after parsing, before validation (whose cost grows faster than the document), the complexity before execution.
 */
export function requestLimitsPlugin(limits: EmulatorRequestLimits): Plugin<EmulatorContext> {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (!result || result instanceof Error || !('definitions' in result)) return;
        const problem = structuralProblem(result, limits);
        if (problem) replaceParseResult(problem);
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const complexity = queryComplexity(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined);
      if (complexity > limits.maxComplexity) {
        setResultAndStopExecution({ errors: [tooMuch(`its complexity is ${complexity}, more than ${limits.maxComplexity}`)] });
      }
    },
  };
}
