import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type Variables = Record<string, unknown> | undefined;

/** How much a list of objects costs per cost of its item type, by Tribe's documented formula. */
const LIST_FACTOR = 5;
/** What a paginated field costs on top of its page. */
const PAGINATED_BASE = 2;

/** What the walk needs to know of a field: read through the type's printed form, see {@link queryComplexity}. */
interface FieldShape {
  typeName: string;
  isList: boolean;
  limitDefault: unknown;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Variables;
  /** The operation's default for each variable that has one (an integer, as a page size is). */
  defaults: ReadonlyMap<string, number>;
}

/**
 * The complexity Tribe reports in `extensions.complexity`: scalars and enums cost 0, an object 1,
 * a list of objects 5 times the cost of its type, and a paginated field 2 plus the page size
 * (`limit`) times the cost of its node. Fields through fragments count like the others.
 *
 * Types are told apart by their shape and printed form, not by `instanceof`: under vitest the
 * schema comes from graphql's CommonJS build and this file from its ES build, two realms.
 */
export function queryComplexity(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Variables): number {
  const operations = document.definitions.filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((node) => node.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const fragments = new Map(document.definitions.flatMap((node) => (node.kind === Kind.FRAGMENT_DEFINITION ? [[node.name.value, node] as const] : [])));
  const root = schema.getRootType(operation.operation);
  const defaults = new Map(
    (operation.variableDefinitions ?? []).flatMap((definition) =>
      definition.defaultValue?.kind === Kind.INT ? [[definition.variable.name.value, Number(definition.defaultValue.value)] as const] : [],
    ),
  );
  return root ? selectionCost(root.name, operation.selectionSet, { schema, fragments, variables, defaults }) : 0;
}

function fieldShape(walk: Walk, parentName: string, fieldName: string): FieldShape | undefined {
  const parent = walk.schema.getType(parentName);
  const field = parent && 'getFields' in parent ? parent.getFields()[fieldName] : undefined;
  if (!field) return undefined;
  const printed = String(field.type);
  const limit = 'args' in field ? field.args.find((argument) => argument.name === 'limit') : undefined;
  return { typeName: printed.replace(/[[\]!]/g, ''), isList: printed.includes('['), limitDefault: limit?.defaultValue };
}

function isComposite(walk: Walk, typeName: string): boolean {
  const type = walk.schema.getType(typeName);
  return type !== undefined && !('serialize' in type) && ('getFields' in type || 'getTypes' in type);
}

/** A `Paginated*` connection: it has `nodes` and `pageInfo`. */
function isConnection(walk: Walk, typeName: string): boolean {
  const type = walk.schema.getType(typeName);
  const fields = type && 'getFields' in type ? type.getFields() : undefined;
  return fields !== undefined && 'nodes' in fields && 'pageInfo' in fields;
}

/** The cost of what a selection set selects below an object of `typeName` (the object's own 1 not included). */
function selectionCost(typeName: string, set: SelectionSetNode | undefined, walk: Walk): number {
  let cost = 0;
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const shape = fieldShape(walk, typeName, selection.name.value);
      if (shape) cost += fieldCost(shape, selection, walk);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (fragment) cost += selectionCost(fragment.typeCondition?.name.value ?? typeName, fragment.selectionSet, walk);
  }
  return cost;
}

function pageSize(shape: FieldShape, node: FieldNode, walk: Walk): number {
  const value = node.arguments?.find((argument) => argument.name.value === 'limit')?.value;
  let size: unknown = shape.limitDefault;
  if (value?.kind === Kind.INT) size = Number(value.value);
  else if (value?.kind === Kind.VARIABLE) {
    // A variable left out takes the operation's default, else the argument is as if not given: GraphQL's coercion rules.
    const given = walk.variables?.[value.name.value];
    size = given !== undefined ? given : walk.defaults.has(value.name.value) ? walk.defaults.get(value.name.value) : shape.limitDefault;
  }
  return typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : 0;
}

/** The largest cost of a node of a connection, selected as `nodes` or as `edges { node }`. */
function nodeCost(connectionName: string, set: SelectionSetNode | undefined, walk: Walk): number {
  let cost = 0;
  const visit = (parentName: string, selections: SelectionSetNode | undefined, path: string[]): void => {
    const [wanted, ...rest] = path;
    for (const selection of selections?.selections ?? []) {
      if (selection.kind !== Kind.FIELD) {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
        visit(parentName, fragment?.selectionSet, path);
        continue;
      }
      if (selection.name.value !== wanted) continue;
      const shape = fieldShape(walk, parentName, wanted);
      if (!shape || !isComposite(walk, shape.typeName)) continue;
      if (rest.length > 0) visit(shape.typeName, selection.selectionSet, rest);
      else cost = Math.max(cost, 1 + selectionCost(shape.typeName, selection.selectionSet, walk));
    }
  };
  visit(connectionName, set, ['nodes']);
  visit(connectionName, set, ['edges', 'node']);
  return cost;
}

function fieldCost(shape: FieldShape, node: FieldNode, walk: Walk): number {
  if (!isComposite(walk, shape.typeName)) return 0;
  if (isConnection(walk, shape.typeName)) return PAGINATED_BASE + pageSize(shape, node, walk) * nodeCost(shape.typeName, node.selectionSet, walk);
  const cost = 1 + selectionCost(shape.typeName, node.selectionSet, walk);
  return shape.isList ? LIST_FACTOR * cost : cost;
}
