import { COMPONENTS, type ComponentName } from './components.js';
import type { PropsOf } from './prop-kinds.js';
import type { Slate, SlateBlock, WireSlate } from './slate-types.js';
import { toWireSlate, type ValidateSlateOptions } from './validate.js';

const NODE = Symbol.for('tribe-sdk.slate-node');

/** One component with its props and children, as the factories of {@link ui} make it; {@link buildSlate} turns a tree of them into a slate. */
export interface SlateNode<TName extends ComponentName = ComponentName> {
  readonly [NODE]: true;
  readonly name: TName;
  /** The block id it gets; made from its place in the tree when not given. */
  readonly id: string | undefined;
  readonly props: Readonly<Record<string, unknown>>;
  readonly children: readonly SlateNode[];
}

type Simplify<T> = { [TKey in keyof T]: T[TKey] } & {};

/** The props a component's factory takes: the component's own, typed from its description, and an optional block `id`. */
export type NodeProps<TName extends ComponentName> = Simplify<PropsOf<(typeof COMPONENTS)[TName]['props']> & { id?: string }>;

type Factory<TName extends ComponentName> = (typeof COMPONENTS)[TName]['children'] extends true
  ? (props: NodeProps<TName>, ...children: SlateNode[]) => SlateNode<TName>
  : Partial<NodeProps<TName>> extends NodeProps<TName>
    ? (props?: NodeProps<TName>) => SlateNode<TName>
    : (props: NodeProps<TName>) => SlateNode<TName>;

type FactoryName<TName extends string> = TName extends `${infer THead}.${infer TTail}` ? `${THead}${TTail}` : TName;

/** One factory per typed component; `Card.Header` is `CardHeader`. Leaf components take no children. */
export type SlateFactories = { [TName in ComponentName as FactoryName<TName>]: Factory<TName> };

function factory(name: ComponentName) {
  return (props: Record<string, unknown> = {}, ...children: SlateNode[]): SlateNode => {
    const { id, ...own } = props;
    return { [NODE]: true, name, id: typeof id === 'string' ? id : undefined, props: own, children };
  };
}

/** The slate builder: `ui.Card({}, ui.CardHeader({ title: 'Poll' }), ui.CardContent({}, ui.Text({ value: 'Hi' })))`. */
export const ui = Object.fromEntries(
  (Object.keys(COMPONENTS) as ComponentName[]).map((name) => [name.replace('.', ''), factory(name)]),
) as unknown as SlateFactories;

/** Whether a value is a node made by {@link ui}. */
export function isSlateNode(value: unknown): value is SlateNode {
  return typeof value === 'object' && value !== null && (value as Partial<SlateNode>)[NODE] === true;
}

function collectIds(root: SlateNode): Set<string> {
  const ids = new Set<string>();
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.id !== undefined) ids.add(node.id);
    stack.push(...node.children);
  }
  return ids;
}

/** Lays a node tree out as the blocks of a slate in the object form; ids not given are made from the parent's id and the position. */
export function slateFromNodes(root: SlateNode): Slate {
  const given = collectIds(root);
  const made = new Set<string>();
  const fresh = (wanted: string): string => {
    let id = wanted;
    for (let suffix = 2; given.has(id) || made.has(id); suffix += 1) id = `${wanted}-${suffix}`;
    made.add(id);
    return id;
  };
  const blocks: SlateBlock[] = [];
  const place = (node: SlateNode, id: string): void => {
    const block: SlateBlock = { id, name: node.name, props: { ...node.props }, children: [] };
    blocks.push(block);
    node.children.forEach((child, index) => {
      const childId = child.id ?? fresh(`${id}.${index}`);
      block.children.push(childId);
      place(child, childId);
    });
  };
  place(root, root.id ?? fresh('root'));
  return { rootBlock: blocks[0]!.id, blocks };
}

/** Builds a slate from a node tree, validates it (duplicate ids given by hand are refused, naming the block) and returns its wire form. */
export function buildSlate(root: SlateNode, options: ValidateSlateOptions = {}): WireSlate {
  return toWireSlate(slateFromNodes(root), options);
}
