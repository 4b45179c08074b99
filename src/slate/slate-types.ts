/** Which blocks of a slate a community admin may not change in the platform's editor. */
export interface SlateRestrictions {
  lockedRootBlock?: boolean;
  nonEditableBlocks?: string[];
  lockedChildrenBlocks?: string[];
  nonRemovableBlocks?: string[];
}

/** One block of a slate in the object form: a component by `name`, its props, and its children by id. */
export interface SlateBlock {
  id: string;
  name: string;
  props: Record<string, unknown>;
  children: string[];
  extraProps?: Record<string, unknown>;
  output?: Record<string, unknown>;
}

/** A slate in the object form, as the validator hands it back: easy to read and to render. */
export interface Slate {
  rootBlock: string;
  blocks: SlateBlock[];
  restrictions?: SlateRestrictions;
}

/** One block in the wire form: `props`, `extraProps`, `children` and `output` are JSON strings. */
export interface WireSlateBlock {
  id: string;
  name: string;
  props?: string;
  children?: string;
  extraProps?: string;
  output?: string;
}

/** A slate in the wire form the official apps send (slate-kit's `SlateDto`); what the SDK puts in answers. */
export interface WireSlate {
  rootBlock: string;
  blocks: WireSlateBlock[];
  restrictions?: SlateRestrictions;
}

/** A slate in either form; blocks may even mix them, as hand-written slates sometimes do. */
export interface SlateInput {
  rootBlock: string;
  blocks: Array<{
    id: string;
    name: string;
    props?: Record<string, unknown> | string | null;
    children?: string[] | string | null;
    extraProps?: Record<string, unknown> | string | null;
    output?: Record<string, unknown> | string | null;
  }>;
  restrictions?: SlateRestrictions;
}
