import { COMPONENTS, isComponentName } from './components.js';
import { quoteId } from './describe-block.js';
import { propProblem, type PropKind } from './prop-kinds.js';
import { TribeSlateError } from './slate-error.js';
import type { SlateBlock } from './slate-types.js';

function badProps(block: SlateBlock, message: string): never {
  throw new TribeSlateError(`tribe-sdk: slate block ${quoteId(block.id)} (${block.name}): ${message}`, { problem: 'bad-props', blockId: block.id });
}

/** Checks a block's props against its component: required props present, every known prop of the right type. */
export function checkProps(block: SlateBlock, allowUnknownComponents: boolean): void {
  if (!isComponentName(block.name)) {
    if (allowUnknownComponents) return;
    throw new TribeSlateError(
      `tribe-sdk: slate block ${quoteId(block.id)} uses the component ${quoteId(block.name)}, which is none of ${Object.keys(COMPONENTS).join(', ')}`,
      { problem: 'unknown-component', blockId: block.id },
    );
  }
  const spec: Record<string, PropKind> = COMPONENTS[block.name].props;
  for (const [prop, kind] of Object.entries(spec)) {
    const value = block.props[prop];
    if (value === undefined || value === null) {
      if (kind.required) badProps(block, `the prop ${prop} is required`);
      continue;
    }
    const problem = propProblem(kind, value);
    if (problem !== undefined) badProps(block, `the prop ${prop} ${problem}`);
  }
}
