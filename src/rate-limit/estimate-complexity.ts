import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** What a paginated field costs on top of its page, by Tribe's documented formula. */
const PAGINATED_BASE = 2;

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/**
 * An estimate of the complexity Tribe will report, from the document alone (the SDK carries no
 * schema): a field with a selection is an object (1), one with a `limit` that selects `nodes` or
 * `edges { node }` is paginated (2 + limit × node). Lists without `limit` cannot be told from
 * objects here, so the estimate may fall short; the answer's `extensions.complexity` settles it.
 */
export function estimateComplexity(document: DocumentNode, variables: Record<string, unknown> | undefined): number {
  const operation = document.definitions.find((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
  const fragments = new Map(
    document.definitions.flatMap((node) => (node.kind === Kind.FRAGMENT_DEFINITION ? [[node.name.value, node] as const] : [])),
  );
  return operation ? childrenCost(operation.selectionSet, fragments, variables) : 0;
}

function fields(set: SelectionSetNode | undefined, fragments: Fragments): FieldNode[] {
  return (set?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    return fields(fragment?.selectionSet, fragments);
  });
}

function childrenCost(set: SelectionSetNode | undefined, fragments: Fragments, variables: Record<string, unknown> | undefined): number {
  let cost = 0;
  for (const field of fields(set, fragments)) {
    if (!field.selectionSet) continue;
    const limit = pageSize(field, variables);
    const node = limit === undefined ? undefined : nodeCost(field, fragments, variables);
    cost += node === undefined ? 1 + childrenCost(field.selectionSet, fragments, variables) : PAGINATED_BASE + limit! * node;
  }
  return cost;
}

function pageSize(field: FieldNode, variables: Record<string, unknown> | undefined): number | undefined {
  const value = field.arguments?.find((argument) => argument.name.value === 'limit')?.value;
  const size = value?.kind === Kind.INT ? Number(value.value) : value?.kind === Kind.VARIABLE ? variables?.[value.name.value] : undefined;
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : undefined;
}

/** The cost of one node of a connection, or undefined when the field selects neither `nodes` nor `edges { node }`. */
function nodeCost(field: FieldNode, fragments: Fragments, variables: Record<string, unknown> | undefined): number | undefined {
  let cost: number | undefined;
  for (const child of fields(field.selectionSet, fragments)) {
    const nodes =
      child.name.value === 'nodes' ? [child] : child.name.value === 'edges' ? fields(child.selectionSet, fragments).filter((edge) => edge.name.value === 'node') : [];
    for (const node of nodes) cost = Math.max(cost ?? 0, 1 + childrenCost(node.selectionSet, fragments, variables));
  }
  return cost;
}
