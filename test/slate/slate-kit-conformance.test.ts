import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildSlate, COMPONENTS, toWireSlate, ui, validateSlate, type ComponentName, type PropKind, type SlateNode } from '../../src/slate/index.js';

// slate-kit's ESM build does not load in Node (imports without extensions); its CommonJS build does.
const require = createRequire(import.meta.url);
const { SlateDto } = require('@tribeplatform/slate-kit/dtos') as { SlateDto: { fromPlain(plain: unknown): unknown } };
const { slateDtoToRaw, rawSlateToDto } = require('@tribeplatform/slate-kit/utils') as {
  slateDtoToRaw(slate: unknown): { rootBlock: string; blocks: Array<{ id: string; name: string; props: unknown; children: unknown }> };
  rawSlateToDto(slate: unknown): unknown;
};

/** A value of each prop kind, drawn from the same table the validator checks against. */
function valueOf(kind: PropKind): fc.Arbitrary<unknown> {
  switch (kind.kind) {
    case 'string':
      return fc.string({ maxLength: 12 });
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'enum':
      return fc.constantFrom(...kind.values);
    case 'items':
      return fc.array(fc.record({ value: fc.string({ maxLength: 6 }), text: fc.string({ maxLength: 6 }) }), { maxLength: 3 });
    case 'object':
      return fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
  }
}

function propsOf(name: ComponentName): fc.Arbitrary<Record<string, unknown>> {
  const spec: Record<string, PropKind> = COMPONENTS[name].props;
  const requiredKeys = Object.entries(spec).flatMap(([key, kind]) => (kind.required ? [key] : []));
  return fc.record(Object.fromEntries(Object.entries(spec).map(([key, kind]) => [key, valueOf(kind)])), { requiredKeys });
}

const names = Object.keys(COMPONENTS) as ComponentName[];
const parents = names.filter((name) => COMPONENTS[name].children);
const leaves = names.filter((name) => !COMPONENTS[name].children);
// Ids given by hand include the ones the builder would make, so that it has to step around them.
const givenIds = fc.option(fc.constantFrom('root', 'root.0', 'root.1', 'root.0.0', 'mine'), { nil: undefined, freq: 3 });

type Factory = (props: Record<string, unknown>, ...children: SlateNode[]) => SlateNode;
const factoryOf = (name: ComponentName) => (ui as unknown as Record<string, Factory>)[name.replace('.', '')]!;

const { node } = fc.letrec<{ node: SlateNode; leaf: SlateNode; parent: SlateNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('parent')),
  leaf: fc
    .constantFrom(...leaves)
    .chain((name) => fc.tuple(fc.constant(name), propsOf(name), givenIds))
    .map(([name, props, id]) => factoryOf(name)(id === undefined ? props : { ...props, id })),
  parent: fc
    .constantFrom(...parents)
    .chain((name) => fc.tuple(fc.constant(name), propsOf(name), givenIds, fc.array(tie('node'), { maxLength: 4 })))
    .map(([name, props, id, children]) => factoryOf(name)(id === undefined ? props : { ...props, id }, ...children)),
}));

/** Keeps the first node with each hand-given id and drops the id of later ones, so that the tree is buildable. */
function uniqueIds(root: SlateNode): SlateNode {
  const seen = new Set<string>();
  const walk = (current: SlateNode): SlateNode => {
    const keep = current.id !== undefined && !seen.has(current.id);
    if (keep) seen.add(current.id!);
    const props = keep ? { ...current.props, id: current.id } : { ...current.props };
    return factoryOf(current.name)(props, ...current.children.map(walk));
  };
  return walk(root);
}

describe('slates the builder produces', () => {
  it('pass our validator and slate-kit DTO checks, and slate-kit reads them as we do', () => {
    fc.assert(
      fc.property(node.map(uniqueIds), (root) => {
        const wire = buildSlate(root);
        const ours = validateSlate(wire);
        // slate-kit's DTO classes take the blocks unchanged: strings stay strings (object props would become "[object Object]").
        const dto = SlateDto.fromPlain(wire) as { blocks: Array<Record<string, unknown>> };
        expect(dto.blocks.map(({ id, name, props, children }) => ({ id, name, props, children }))).toEqual(wire.blocks);
        for (const block of wire.blocks) expect([typeof block.props, typeof block.children]).toEqual(['string', 'string']);
        const theirs = slateDtoToRaw(wire);
        expect(theirs.rootBlock).toBe(ours.rootBlock);
        expect(theirs.blocks.map(({ id, name, props, children }) => ({ id, name, props, children }))).toEqual(ours.blocks);
        // And what slate-kit writes from our object form, our validator reads back the same.
        expect(validateSlate(rawSlateToDto(ours))).toEqual(ours);
        expect(toWireSlate(ours)).toEqual(wire);
      }),
      { numRuns: 300 },
    );
  });

  it('are in the string form slate-kit expects: it refuses object-form children and turns object-form props into "[object Object]"', () => {
    expect(() => SlateDto.fromPlain({ rootBlock: 'a', blocks: [{ id: 'a', name: 'Card', children: ['b'] }] })).toThrow('DTO Error');
    const read = SlateDto.fromPlain({ rootBlock: 'a', blocks: [{ id: 'a', name: 'Text', props: { value: 'x' } }] }) as { blocks: Array<{ props: unknown }> };
    expect(read.blocks[0]!.props).toBe('[object Object]');
    const wire = buildSlate(ui.Text({ value: 'x' }));
    expect((SlateDto.fromPlain(wire) as { blocks: Array<{ props: unknown }> }).blocks[0]!.props).toBe('{"value":"x"}');
  });
});
