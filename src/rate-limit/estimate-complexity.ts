import { Kind } from 'graphql/language/kinds.js';
import type { DocumentNode, FieldNode, FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/** What a paginated field costs on top of its page, by Tribe's documented formula. */
const PAGINATED_BASE = 2;
/** What a list of objects costs per cost of its item, by the same formula. */
const LIST_FACTOR = 5;

interface Walk {
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown> | undefined;
  /** What a field with a selection and no `limit` costs per cost of what it selects: 1 (an object) or 5 (as if a list). */
  factor: number;
}

/**
 * The complexity Tribe will report, bounded from the document alone (the SDK carries no schema): a
 * field with a selection and a `limit` that selects `nodes` or `edges { node }` is paginated
 * (2 + limit × node); any other field with a selection is an object or a list of objects, which the
 * document cannot tell apart. `low` counts them all as objects, `high` all as lists, so the reported
 * cost lies between the two.
 */
export function complexityBounds(document: DocumentNode, variables: Record<string, unknown> | undefined): { low: number; high: number } {
  const operation = document.definitions.find((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return { low: 0, high: 0 };
  const fragments = new Map(document.definitions.flatMap((node) => (node.kind === Kind.FRAGMENT_DEFINITION ? [[node.name.value, node] as const] : [])));
  return {
    low: childrenCost(operation.selectionSet, { fragments, variables, factor: 1 }),
    high: childrenCost(operation.selectionSet, { fragments, variables, factor: LIST_FACTOR }),
  };
}

function fields(set: SelectionSetNode | undefined, walk: Walk): FieldNode[] {
  return (set?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    return fields(fragment?.selectionSet, walk);
  });
}

function childrenCost(set: SelectionSetNode | undefined, walk: Walk): number {
  let cost = 0;
  for (const field of fields(set, walk)) {
    if (!field.selectionSet) continue;
    const limit = pageSize(field, walk);
    const node = limit === undefined ? undefined : nodeCost(field, walk);
    cost += node === undefined ? walk.factor * (1 + childrenCost(field.selectionSet, walk)) : PAGINATED_BASE + limit! * node;
  }
  return cost;
}

function pageSize(field: FieldNode, walk: Walk): number | undefined {
  const value = field.arguments?.find((argument) => argument.name.value === 'limit')?.value;
  const size = value?.kind === Kind.INT ? Number(value.value) : value?.kind === Kind.VARIABLE ? walk.variables?.[value.name.value] : undefined;
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : undefined;
}

/** The cost of one node of a connection, or undefined when the field selects neither `nodes` nor `edges { node }`. */
function nodeCost(field: FieldNode, walk: Walk): number | undefined {
  let cost: number | undefined;
  for (const child of fields(field.selectionSet, walk)) {
    const nodes =
      child.name.value === 'nodes'
        ? [child]
        : child.name.value === 'edges'
          ? fields(child.selectionSet, walk).filter((edge) => edge.name.value === 'node')
          : [];
    for (const node of nodes) cost = Math.max(cost ?? 0, 1 + childrenCost(node.selectionSet, walk));
  }
  return cost;
}
