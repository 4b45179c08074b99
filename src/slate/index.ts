/** tribe-sdk/slate: build, check and write the platform's UI trees (slates); web-standard, no dependencies. */

/** The builder: one factory per component, and the slate it builds in the wire form. */
export { buildSlate, isSlateNode, slateFromNodes, ui } from './builder.js';
/** A node of the builder, the factories' types and their props. */
export type { NodeProps, SlateFactories, SlateNode } from './builder.js';
/** The whole-slate validator, the writer of the wire form, and the default block limit. */
export { DEFAULT_MAX_SLATE_BLOCKS, toWireSlate, validateSlate } from './validate.js';
/** The validator's options. */
export type { ValidateSlateOptions } from './validate.js';
/** The error of a slate the platform could not render, with the block and the problem. */
export { TribeSlateError } from './slate-error.js';
/** What can be wrong with a slate. */
export type { TribeSlateDetails, TribeSlateProblem } from './slate-error.js';
/** The typed components with their props' kinds. */
export { COMPONENTS, isComponentName } from './components.js';
/** A typed component's name. */
export type { ComponentName } from './components.js';
/** The kinds of props, and the types derived from them. */
export type { PropKind, PropsOf, PropValue, SelectItem } from './prop-kinds.js';
/** Slates in the object form, the wire form, and either. */
export type { Slate, SlateBlock, SlateInput, SlateRestrictions, WireSlate, WireSlateBlock } from './slate-types.js';
