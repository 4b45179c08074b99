import { quoteId } from './describe-block.js';
import { TribeSlateError, type TribeSlateProblem } from './slate-error.js';
import type { Slate, SlateBlock } from './slate-types.js';

function refuse(problem: TribeSlateProblem, blockId: string, message: string): never {
  throw new TribeSlateError(`tribe-sdk: slate block ${quoteId(blockId)} ${message}`, { problem, blockId });
}

function indexById(blocks: readonly SlateBlock[]): Map<string, SlateBlock> {
  const byId = new Map<string, SlateBlock>();
  for (const block of blocks) {
    if (byId.has(block.id)) refuse('duplicate-id', block.id, 'appears more than once: block ids must be unique');
    byId.set(block.id, block);
  }
  return byId;
}

function parentsOf(blocks: readonly SlateBlock[], byId: ReadonlyMap<string, SlateBlock>): Map<string, string> {
  const parentOf = new Map<string, string>();
  for (const block of blocks) {
    for (const child of block.children) {
      if (!byId.has(child)) refuse('dangling-child', block.id, `names the child ${quoteId(child)}, which is no block of the slate`);
      const other = parentOf.get(child);
      if (other === block.id) refuse('two-parents', child, `is listed twice among the children of ${quoteId(block.id)}`);
      if (other !== undefined) refuse('two-parents', child, `is a child of both ${quoteId(other)} and ${quoteId(block.id)}: a block has one parent`);
      parentOf.set(child, block.id);
    }
  }
  return parentOf;
}

/** With one parent each, the parent links form chains; a chain that comes back to a block it passed is a cycle. */
function findCycle(blocks: readonly SlateBlock[], parentOf: ReadonlyMap<string, string>): string | undefined {
  const settled = new Set<string>();
  for (const block of blocks) {
    const chain = new Set<string>();
    let current: string | undefined = block.id;
    while (current !== undefined && !settled.has(current)) {
      if (chain.has(current)) return current;
      chain.add(current);
      current = parentOf.get(current);
    }
    for (const id of chain) settled.add(id);
  }
  return undefined;
}

/** Checks the structure: unique ids, the root exists and has no parent, every child exists and has one parent, no cycles. */
export function checkTree(slate: Slate): void {
  const byId = indexById(slate.blocks);
  if (!byId.has(slate.rootBlock)) refuse('missing-root', slate.rootBlock, 'is the rootBlock but no block of the slate');
  const parentOf = parentsOf(slate.blocks, byId);
  const cycle = findCycle(slate.blocks, parentOf);
  if (cycle !== undefined) refuse('cycle', cycle, 'is its own ancestor: children must form a tree');
  const rootParent = parentOf.get(slate.rootBlock);
  if (rootParent !== undefined) refuse('root-has-parent', slate.rootBlock, `is the rootBlock but a child of ${quoteId(rootParent)}`);
}
