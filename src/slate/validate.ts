import { flag, integer } from '../options/rules.js';
import { checkProps } from './check-props.js';
import { checkTree } from './check-tree.js';
import { readSlate } from './read-slate.js';
import type { Slate, WireSlate } from './slate-types.js';

/** The most blocks a slate may have by default; a bound on what an untrusted slate makes the validator do. */
export const DEFAULT_MAX_SLATE_BLOCKS = 2000;

/** Options of {@link validateSlate} and {@link toWireSlate}. */
export interface ValidateSlateOptions {
  /** Accept components the SDK does not type (their props are not checked); default false. */
  allowUnknownComponents?: boolean;
  /** The most blocks accepted (default {@link DEFAULT_MAX_SLATE_BLOCKS}). */
  maxBlocks?: number;
}

/**
 * Checks a whole slate, in the object or the wire form: the root exists, ids are unique, every child exists and has
 * one parent, there are no cycles, and each component's props have the right types. Returns it in the object form;
 * throws a {@link TribeSlateError} naming the block otherwise.
 */
export function validateSlate(input: unknown, options: ValidateSlateOptions = {}): Slate {
  const maxBlocks = integer(options.maxBlocks, 'maxBlocks', 1, 1_000_000) ?? DEFAULT_MAX_SLATE_BLOCKS;
  const allowUnknownComponents = flag(options.allowUnknownComponents, 'allowUnknownComponents') ?? false;
  const slate = readSlate(input, maxBlocks);
  checkTree(slate);
  for (const block of slate.blocks) checkProps(block, allowUnknownComponents);
  return slate;
}

/** Validates a slate in either form and writes it in the wire form the platform is sent: props, children and the rest as JSON strings. */
export function toWireSlate(input: unknown, options: ValidateSlateOptions = {}): WireSlate {
  const slate = validateSlate(input, options);
  const wire: WireSlate = {
    rootBlock: slate.rootBlock,
    blocks: slate.blocks.map((block) => ({
      id: block.id,
      name: block.name,
      props: JSON.stringify(block.props),
      children: JSON.stringify(block.children),
      ...(block.extraProps ? { extraProps: JSON.stringify(block.extraProps) } : {}),
      ...(block.output ? { output: JSON.stringify(block.output) } : {}),
    })),
  };
  if (slate.restrictions) wire.restrictions = slate.restrictions;
  return wire;
}
