import { describe, expect, it } from 'vitest';
import { TribeConfigError } from '../../src/errors.js';
import { buildSlate, toWireSlate, TribeSlateError, ui, validateSlate, type TribeSlateProblem } from '../../src/slate/index.js';

/** A slate in the object form, loosely typed so that tests can break it. */
interface SlateInput {
  rootBlock: string;
  blocks: Array<{ id: string; name: string; props?: Record<string, unknown>; children?: string[] }>;
}

/** A small valid slate in the object form: a card with a header and a text. */
function card(): SlateInput {
  return {
    rootBlock: 'card',
    blocks: [
      { id: 'card', name: 'Card', children: ['header', 'content'] },
      { id: 'header', name: 'Card.Header', props: { title: 'Poll' } },
      { id: 'content', name: 'Card.Content', children: ['text'] },
      { id: 'text', name: 'Text', props: { value: 'Hello' } },
    ],
  };
}

function refusal(input: unknown): TribeSlateError {
  try {
    validateSlate(input);
  } catch (error) {
    expect(error).toBeInstanceOf(TribeSlateError);
    return error as TribeSlateError;
  }
  throw new Error('the slate was accepted');
}

const wire = (slate: SlateInput) => ({
  ...slate,
  blocks: slate.blocks.map((block) => ({
    ...block,
    props: JSON.stringify(block.props ?? {}),
    children: JSON.stringify(block.children ?? []),
  })),
});

describe('validateSlate', () => {
  it('accepts a valid slate in the object form and in the wire form, and reads both into the same object form', () => {
    const fromObjects = validateSlate(card());
    expect(fromObjects.rootBlock).toBe('card');
    expect(fromObjects.blocks.find((block) => block.id === 'content')).toEqual({ id: 'content', name: 'Card.Content', props: {}, children: ['text'] });
    expect(validateSlate(wire(card()))).toEqual(fromObjects);
  });

  const broken: Array<[TribeSlateProblem, string, (slate: SlateInput) => void]> = [
    ['dangling-child', 'content', (slate) => slate.blocks[2]!.children!.push('nowhere')],
    ['duplicate-id', 'text', (slate) => slate.blocks.push({ id: 'text', name: 'Text', props: { value: 'again' } })],
    ['two-parents', 'text', (slate) => (slate.blocks[0]!.children = ['header', 'content', 'text'])],
    [
      'cycle',
      'loop-a',
      (slate) => slate.blocks.push({ id: 'loop-a', name: 'Card', children: ['loop-b'] }, { id: 'loop-b', name: 'Card', children: ['loop-a'] }),
    ],
    ['missing-root', 'gone', (slate) => (slate.rootBlock = 'gone')],
    ['root-has-parent', 'card', (slate) => slate.blocks.push({ id: 'above', name: 'Card', children: ['card'] })],
  ];

  it.each(broken)('refuses a slate with a %s, naming the block (%s), in both forms', (problem, blockId, breakIt) => {
    for (const form of [(slate: SlateInput) => slate, wire]) {
      const slate = card();
      breakIt(slate);
      const error = refusal(form(slate));
      expect(error.problem).toBe(problem);
      expect(error.blockId).toBe(blockId);
      expect(error.code).toBe('TRIBE_SLATE');
      expect(error.message).toContain(`"${blockId}"`);
      expect(error.message).toMatch(/^tribe-sdk: /);
    }
  });

  it('refuses a block that is its own child, and a child listed twice', () => {
    const self = card();
    self.blocks[3]!.children = ['text'];
    expect(refusal(self)).toMatchObject({ problem: 'two-parents', blockId: 'text' });
    const twice = card();
    twice.blocks[2]!.children = ['text', 'text'];
    expect(refusal(twice).message).toContain('listed twice among the children of "content"');
  });

  it('refuses props of the wrong type and missing required props, naming the block and the prop', () => {
    const wrongType = card();
    wrongType.blocks[3]!.props = { value: 42 };
    expect(refusal(wrongType)).toMatchObject({ problem: 'bad-props', blockId: 'text' });
    expect(refusal(wrongType).message).toBe('tribe-sdk: slate block "text" (Text): the prop value must be a string');
    const missing = card();
    missing.blocks[1]!.props = {};
    expect(refusal(missing).message).toBe('tribe-sdk: slate block "header" (Card.Header): the prop title is required');
    const badEnum = card();
    badEnum.blocks.push({ id: 'alert', name: 'Alert', props: { title: 'x', status: 'SUCCESS' } });
    badEnum.blocks[2]!.children!.push('alert');
    expect(refusal(badEnum).message).toContain('the prop status must be one of success, error, warning, info, neutral');
  });

  it('refuses unknown components unless told to accept them', () => {
    const slate = card();
    slate.blocks.push({ id: 'icon', name: 'Icon', props: { name: 'star' } });
    slate.blocks[2]!.children!.push('icon');
    expect(refusal(slate)).toMatchObject({ problem: 'unknown-component', blockId: 'icon' });
    expect(validateSlate(slate, { allowUnknownComponents: true }).blocks).toHaveLength(5);
  });

  it('refuses what is not a slate: no object, no root, no blocks array, a props string that is not JSON', () => {
    expect(refusal(null).problem).toBe('malformed');
    expect(refusal({ blocks: [] }).message).toBe('tribe-sdk: the slate is malformed: rootBlock must be a non-empty string');
    expect(refusal({ rootBlock: 'a', blocks: {} }).problem).toBe('malformed');
    const slate = wire(card());
    slate.blocks[3]!.props = '{"value":';
    expect(refusal(slate)).toMatchObject({ problem: 'malformed', blockId: 'text' });
    expect(refusal({ rootBlock: 'a', blocks: [{ id: 'a', name: 'Text', props: { value: 'x' }, children: '["b", 3]' }] }).message).toContain('children must be');
  });

  it('bounds the number of blocks, and checks its own options', () => {
    const slate = card();
    expect(() => validateSlate(slate, { maxBlocks: 3 })).toThrow(expect.objectContaining({ problem: 'too-many-blocks' }));
    expect(validateSlate(slate, { maxBlocks: 4 }).blocks).toHaveLength(4);
    expect(() => validateSlate(slate, { maxBlocks: 0 })).toThrow(TribeConfigError);
    expect(() => validateSlate(slate, { allowUnknownComponents: 'yes' as never })).toThrow(TribeConfigError);
  });

  it('quotes and cuts a long block id from an untrusted slate in its message', () => {
    const long = 'x'.repeat(5000);
    const error = refusal({ rootBlock: long, blocks: [] });
    expect(error.message.length).toBeLessThan(300);
    expect(error.blockId).toBe(long);
  });

  it('writes the wire form with JSON strings, and reads it back unchanged', () => {
    const written = toWireSlate(card());
    expect(written.blocks[0]).toEqual({ id: 'card', name: 'Card', props: '{}', children: '["header","content"]' });
    expect(toWireSlate(written)).toEqual(written);
  });
});

describe('buildSlate', () => {
  it('lays out a node tree with ids from the tree, keeping ids given by hand', () => {
    const slate = validateSlate(
      buildSlate(
        ui.Card(
          {},
          ui.CardHeader({ title: 'Poll' }),
          ui.CardContent({ id: 'body' }, ui.Text({ value: 'Vote' }), ui.Button({ id: 'root.0', text: 'Yes', callbackId: 'yes' }), ui.Divider()),
        ),
      ),
    );
    expect(slate.blocks.map((block) => [block.id, block.name, block.children])).toEqual([
      ['root', 'Card', ['root.0-2', 'body']],
      ['root.0-2', 'Card.Header', []],
      ['body', 'Card.Content', ['body.0', 'root.0', 'body.2']],
      ['body.0', 'Text', []],
      ['root.0', 'Button', []],
      ['body.2', 'Divider', []],
    ]);
    expect(slate.blocks[4]!.props).toEqual({ text: 'Yes', callbackId: 'yes' });
  });

  it('refuses two nodes given the same id, naming it', () => {
    expect(() => buildSlate(ui.Container({}, ui.Text({ id: 'same', value: 'a' }), ui.Text({ id: 'same', value: 'b' })))).toThrow(
      expect.objectContaining({ problem: 'duplicate-id', blockId: 'same' }),
    );
  });

  it('refuses props of the wrong type at run time too (for JavaScript callers)', () => {
    expect(() => buildSlate(ui.Button({ text: 7 } as never))).toThrow(expect.objectContaining({ problem: 'bad-props', blockId: 'root' }));
  });
});
