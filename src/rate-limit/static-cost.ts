/** A paginated field whose page size is a variable: it costs `times × size × node`, size read from the call's variables. */
export interface StaticPageTerm {
  /** The variable that sets the page size. */
  variable: string;
  /** The page size when the call leaves the variable out: the operation's default, else the argument's. */
  fallback: number;
  /** How many times the page is counted: the product of the list factors and page sizes around it. */
  times: number;
  /** What one node of the page costs. */
  node: StaticCost;
}

/** An operation's complexity by Tribe's documented rules, known at codegen: a fixed part plus pages sized by variables. */
export interface StaticCost {
  fixed: number;
  pages?: readonly StaticPageTerm[];
}

/** The static cost of each operation, by operation name: the `operationCosts` of a generated `costs.ts`. */
export type OperationCosts = Readonly<Record<string, StaticCost>>;

/** The deepest nesting of pages the limiter evaluates; deeper input is not a generated cost. */
const MAX_DEPTH = 16;

function pageSize(term: StaticPageTerm, variables: Record<string, unknown> | undefined): number {
  const given = variables?.[term.variable];
  if (given === undefined) return term.fallback;
  return typeof given === 'number' && Number.isFinite(given) && given > 0 ? given : 0;
}

/** What a call of the operation costs with these variables, as Tribe will report it in `extensions.complexity`. */
export function evaluateStaticCost(cost: StaticCost, variables: Record<string, unknown> | undefined, depth = 0): number {
  let total = cost.fixed;
  if (depth >= MAX_DEPTH) return total;
  for (const term of cost.pages ?? []) total += term.times * pageSize(term, variables) * evaluateStaticCost(term.node, variables, depth + 1);
  return total;
}

function isFiniteCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** True when `value` is a static cost as codegen writes it (checked, since it comes from the app's options). */
export function isStaticCost(value: unknown, depth = 0): value is StaticCost {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return false;
  const { fixed, pages } = value as { fixed?: unknown; pages?: unknown };
  if (!isFiniteCount(fixed)) return false;
  if (pages === undefined) return true;
  return (
    Array.isArray(pages) &&
    pages.every((term: unknown) => {
      if (typeof term !== 'object' || term === null) return false;
      const { variable, fallback, times, node } = term as Record<string, unknown>;
      return typeof variable === 'string' && isFiniteCount(fallback) && isFiniteCount(times) && isStaticCost(node, depth + 1);
    })
  );
}

/** The cost of documents made at run time whose cost is known exactly, e.g. merged calls: charged before their answer. */
const documentCosts = new WeakMap<object, number>();

/** Records what a document made at run time costs, for the rate limiter. */
export function setDocumentCost(document: object, cost: number): void {
  documentCosts.set(document, cost);
}

/** What a document made at run time costs, if recorded. */
export function documentCost(document: object): number | undefined {
  return documentCosts.get(document);
}
