import { quoteId } from './describe-block.js';
import { TribeSlateError } from './slate-error.js';
import type { Slate, SlateBlock, SlateRestrictions } from './slate-types.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(problem: string, blockId?: string): never {
  const where = blockId === undefined ? 'the slate' : `slate block ${quoteId(blockId)}`;
  throw new TribeSlateError(`tribe-sdk: ${where} is malformed: ${problem}`, { problem: 'malformed', blockId });
}

/** The wire form carries JSON strings where the object form has values; either is read into the value. */
function fromJson(value: unknown, field: string, blockId: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return malformed(`${field} is a string but not JSON`, blockId);
  }
}

function readObject(value: unknown, field: string, blockId: string): Record<string, unknown> | undefined {
  const parsed = fromJson(value, field, blockId);
  if (parsed === undefined || parsed === null) return undefined;
  if (!isPlainObject(parsed)) return malformed(`${field} must be an object (or its JSON)`, blockId);
  return parsed;
}

function readChildren(value: unknown, blockId: string): string[] {
  const parsed = fromJson(value, 'children', blockId);
  if (parsed === undefined || parsed === null) return [];
  if (!Array.isArray(parsed) || !parsed.every((child) => typeof child === 'string'))
    return malformed('children must be an array of block ids (or its JSON)', blockId);
  return parsed;
}

function readRestrictions(value: unknown): SlateRestrictions | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) return malformed('restrictions must be an object');
  return value as SlateRestrictions;
}

function readBlock(value: unknown, index: number): SlateBlock {
  if (!isPlainObject(value)) return malformed(`blocks[${index}] is not an object`);
  const { id, name } = value;
  if (typeof id !== 'string' || id === '') return malformed(`blocks[${index}].id must be a non-empty string`);
  if (typeof name !== 'string' || name === '') return malformed('name must be a non-empty string', id);
  const block: SlateBlock = { id, name, props: readObject(value.props, 'props', id) ?? {}, children: readChildren(value.children, id) };
  const extraProps = readObject(value.extraProps, 'extraProps', id);
  const output = readObject(value.output, 'output', id);
  if (extraProps) block.extraProps = extraProps;
  if (output) block.output = output;
  return block;
}

/** Reads a slate in the object form, the wire form or a mix into the object form; refuses what is not a slate at all. */
export function readSlate(input: unknown, maxBlocks: number): Slate {
  if (!isPlainObject(input)) return malformed('it is not an object');
  if (typeof input.rootBlock !== 'string' || input.rootBlock === '') return malformed('rootBlock must be a non-empty string');
  if (!Array.isArray(input.blocks)) return malformed('blocks must be an array');
  if (input.blocks.length > maxBlocks) {
    throw new TribeSlateError(`tribe-sdk: the slate has ${input.blocks.length} blocks, more than the ${maxBlocks} allowed`, { problem: 'too-many-blocks' });
  }
  const slate: Slate = { rootBlock: input.rootBlock, blocks: input.blocks.map(readBlock) };
  const restrictions = readRestrictions(input.restrictions);
  if (restrictions) slate.restrictions = restrictions;
  return slate;
}
