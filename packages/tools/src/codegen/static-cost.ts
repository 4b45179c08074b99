import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { StaticCost, StaticPageTerm } from 'tribe-sdk';

/** A list of objects costs this many times its item, by Tribe's documented rules. */
const LIST_FACTOR = 5;
/** A paginated field costs this much on top of its page. */
const PAGINATED_BASE = 2;

interface Walk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  operation: OperationDefinitionNode;
}

/** A field's type as the walk needs it, read from its printed form so that a schema of another graphql realm works too. */
interface FieldType {
  typeName: string;
  isList: boolean;
  limitDefault: unknown;
}

/** The cost when every page has its default size (codegen loads no runtime of the SDK, so this is not `evaluateStaticCost`). */
export function costAtDefaults(cost: StaticCost): number {
  return cost.fixed + (cost.pages ?? []).reduce((sum, term) => sum + term.times * term.fallback * costAtDefaults(term.node), 0);
}

function add(a: StaticCost, b: StaticCost): StaticCost {
  const pages = [...(a.pages ?? []), ...(b.pages ?? [])];
  return pages.length > 0 ? { fixed: a.fixed + b.fixed, pages } : { fixed: a.fixed + b.fixed };
}

function scale(cost: StaticCost, factor: number): StaticCost {
  if (factor === 0) return { fixed: 0 };
  const pages = cost.pages?.map((term) => ({ ...term, times: term.times * factor }));
  return pages ? { fixed: cost.fixed * factor, pages } : { fixed: cost.fixed * factor };
}

function fieldType(walk: Walk, parentName: string, fieldName: string): FieldType | undefined {
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

/** A `Paginated*` connection: a type with `nodes` and `pageInfo`. */
function isConnection(walk: Walk, typeName: string): boolean {
  const type = walk.schema.getType(typeName);
  const fields = type && 'getFields' in type ? type.getFields() : undefined;
  return fields !== undefined && 'nodes' in fields && 'pageInfo' in fields;
}

function intOf(value: ValueNode | undefined | null): number | undefined {
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function positive(size: unknown): number {
  return typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : 0;
}

/** What a selection set selects below an object of `typeName`, the object's own 1 not included. */
function selectionCost(typeName: string, set: SelectionSetNode | undefined, walk: Walk): StaticCost {
  let cost: StaticCost = { fixed: 0 };
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const type = fieldType(walk, typeName, selection.name.value);
      if (type) cost = add(cost, fieldCost(type, selection, walk));
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (fragment) cost = add(cost, selectionCost(fragment.typeCondition?.name.value ?? typeName, fragment.selectionSet, walk));
  }
  return cost;
}

/** The dearer of the connection's `nodes` and `edges { node }` selections (compared at the default page sizes). */
function nodeCost(connectionName: string, set: SelectionSetNode | undefined, walk: Walk): StaticCost {
  let best: StaticCost = { fixed: 0 };
  const visit = (parentName: string, selections: SelectionSetNode | undefined, path: readonly string[]): void => {
    const [wanted, ...rest] = path;
    for (const selection of selections?.selections ?? []) {
      if (selection.kind !== Kind.FIELD) {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
        visit(parentName, fragment?.selectionSet, path);
        continue;
      }
      if (selection.name.value !== wanted) continue;
      const type = fieldType(walk, parentName, wanted);
      if (!type || !isComposite(walk, type.typeName)) continue;
      if (rest.length > 0) visit(type.typeName, selection.selectionSet, rest);
      else {
        const cost = add({ fixed: 1 }, selectionCost(type.typeName, selection.selectionSet, walk));
        if (costAtDefaults(cost) >= costAtDefaults(best)) best = cost;
      }
    }
  };
  visit(connectionName, set, ['nodes']);
  visit(connectionName, set, ['edges', 'node']);
  return best;
}

function pageCost(type: FieldType, field: FieldNode, walk: Walk): StaticCost {
  const node = nodeCost(type.typeName, field.selectionSet, walk);
  const argument = field.arguments?.find((candidate) => candidate.name.value === 'limit')?.value;
  if (argument?.kind !== Kind.VARIABLE) {
    return add({ fixed: PAGINATED_BASE }, scale(node, positive(argument ? intOf(argument) : type.limitDefault)));
  }
  const variable = argument.name.value;
  const definition = walk.operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === variable);
  const fallback = positive(definition?.defaultValue ? intOf(definition.defaultValue) : type.limitDefault);
  if (node.fixed === 0 && !node.pages?.length) return { fixed: PAGINATED_BASE };
  const term: StaticPageTerm = { variable, fallback, times: 1, node };
  return { fixed: PAGINATED_BASE, pages: [term] };
}

function fieldCost(type: FieldType, field: FieldNode, walk: Walk): StaticCost {
  if (!isComposite(walk, type.typeName)) return { fixed: 0 };
  if (isConnection(walk, type.typeName)) return pageCost(type, field, walk);
  const cost = add({ fixed: 1 }, selectionCost(type.typeName, field.selectionSet, walk));
  return type.isList ? scale(cost, LIST_FACTOR) : cost;
}

/**
 * An operation's complexity by Tribe's documented rules, read against the schema: scalars and enums
 * cost 0, an object 1, a list of objects 5 times its item, a paginated field 2 plus the page size
 * times its node. A page sized by a variable stays a term of that variable; `@skip`/`@include` are
 * counted as selected, as the API counts them.
 */
export function operationStaticCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): StaticCost {
  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(root.name, operation.selectionSet, { schema, fragments, operation }) : { fixed: 0 };
}

/** A static cost as people read it, e.g. `2 + 14 × $limit`, with its figure at the default page sizes when the operation has them. */
export function formatStaticCost(cost: StaticCost): string {
  const formula = (part: StaticCost): string => {
    const terms = (part.pages ?? []).map((term) => {
      const node = term.node.pages?.length ? `${term.times === 1 ? '' : `${term.times} × `}(${formula(term.node)})` : String(term.node.fixed * term.times);
      return `${node === '1' ? '' : `${node} × `}$${term.variable}`;
    });
    return [...(part.fixed !== 0 || terms.length === 0 ? [String(part.fixed)] : []), ...terms].join(' + ');
  };
  if (!cost.pages?.length) return String(cost.fixed);
  const defaults = [...new Map(collectTerms(cost).map((term) => [term.variable, term.fallback])).entries()].filter(([, size]) => size > 0);
  if (defaults.length === 0) return formula(cost);
  return `${formula(cost)} (${defaults.map(([name, size]) => `$${name} = ${size}`).join(', ')}: ${costAtDefaults(cost)})`;
}

function collectTerms(cost: StaticCost): StaticPageTerm[] {
  return (cost.pages ?? []).flatMap((term) => [term, ...collectTerms(term.node)]);
}
