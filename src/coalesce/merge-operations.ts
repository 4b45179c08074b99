import type {
  DefinitionNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  InlineFragmentNode,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionNode,
  SelectionSetNode,
  VariableDefinitionNode,
} from 'graphql';
import { Kind } from 'graphql/language/kinds.js';
import { visit } from 'graphql/language/visitor.js';

/** One call to merge: its document and variables. */
export interface MergeInput {
  document: DocumentNode;
  variables: Record<string, unknown> | undefined;
}

/** Where one call's answer is in the merged answer: the prefix of its root fields and their keys as the call named them. */
export interface MergedPart {
  prefix: string;
  /** The call's own root response keys, in the order it selected them. */
  keys: string[];
}

/** The merged request, and how to give each call its part of the answer. */
export interface MergedOperation {
  document: DocumentNode;
  variables: Record<string, unknown>;
  parts: MergedPart[];
}

/** The one operation of a document the SDK sends (the first, as the runner does). */
export function operationOf(document: DocumentNode): OperationDefinitionNode | undefined {
  return document.definitions.find((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
}

/** Renames the call's variables and fragments with its prefix, so that they meet no other call's. */
function renamed(document: DocumentNode, prefix: string): DocumentNode {
  return visit(document, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
  });
}

/**
 * The call's root selections with every root field aliased `<prefix><its response key>`; fragments
 * spread at the root are inlined (their fields are root fields too). `keys` collects the response keys.
 */
function aliasedRoot(set: SelectionSetNode, prefix: string, fragments: ReadonlyMap<string, FragmentDefinitionNode>, keys: Set<string>): SelectionNode[] {
  return set.selections.map((selection): SelectionNode => {
    if (selection.kind === Kind.FIELD) {
      const key = (selection.alias ?? selection.name).value;
      keys.add(key);
      const field: FieldNode = { ...selection, alias: { kind: Kind.NAME, value: prefix + key } };
      return field;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    const inline: InlineFragmentNode = {
      kind: Kind.INLINE_FRAGMENT,
      typeCondition: fragment?.typeCondition,
      directives: selection.directives,
      selectionSet: { kind: Kind.SELECTION_SET, selections: fragment ? aliasedRoot(fragment.selectionSet, prefix, fragments, keys) : [] },
    };
    return inline;
  });
}

/** The fragments the selections spread, directly or through other fragments. */
function usedFragments(roots: readonly SelectionNode[], fragments: ReadonlyMap<string, FragmentDefinitionNode>): Set<string> {
  const used = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const selection = pending.pop()!;
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !used.has(selection.name.value)) {
        used.add(selection.name.value);
        pending.push(...fragment.selectionSet.selections);
      }
    } else if (selection.selectionSet) pending.push(...selection.selectionSet.selections);
  }
  return used;
}

/**
 * Merges operations of one type into one: call `i`'s root fields are aliased `c<i>_<key>`, its
 * variables renamed `$c<i>_<name>` and its fragments `c<i>_<Name>`, so fragments of the same name
 * with different bodies, variables of the same name and directives all keep their meaning.
 */
export function mergeOperations(inputs: readonly MergeInput[], type: OperationTypeNode, name: string): MergedOperation {
  const selections: SelectionNode[] = [];
  const variableDefinitions: VariableDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const variables: Record<string, unknown> = {};
  const parts: MergedPart[] = inputs.map((input, index) => {
    const prefix = `c${index}_`;
    const document = renamed(input.document, prefix);
    const operation = operationOf(document)!;
    const own = new Map(document.definitions.flatMap((node) => (node.kind === Kind.FRAGMENT_DEFINITION ? [[node.name.value, node] as const] : [])));
    const keys = new Set<string>();
    const root = aliasedRoot(operation.selectionSet, prefix, own, keys);
    for (const used of usedFragments(root, own)) fragments.set(used, own.get(used)!);
    selections.push(...root);
    variableDefinitions.push(...(operation.variableDefinitions ?? []));
    for (const [key, value] of Object.entries(input.variables ?? {})) variables[prefix + key] = value;
    return { prefix, keys: [...keys] };
  });
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: type,
    name: { kind: Kind.NAME, value: name },
    variableDefinitions,
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const definitions: DefinitionNode[] = [operation, ...fragments.values()];
  return { document: { kind: Kind.DOCUMENT, definitions }, variables, parts };
}
