import { buildSlate, isSlateNode, toWireSlate, type SlateInput, type SlateNode, type WireSlate } from '../slate/index.js';

/** The interaction kinds an answer may hold, as the platform spells them. */
export const INTERACTION_TYPES = ['SHOW', 'OPEN_MODAL', 'OPEN_TOAST', 'CLOSE', 'RELOAD', 'REDIRECT', 'DATA'] as const;
/** One interaction kind. */
export type InteractionType = (typeof INTERACTION_TYPES)[number];

/** A toast's status: the platform's enum, upper case. */
export const TOAST_STATUSES = ['SUCCESS', 'ERROR', 'WARNING', 'INFO', 'NEUTRAL'] as const;
/** One toast status. */
export type ToastStatus = (typeof TOAST_STATUSES)[number];

/** A modal's width, from the platform's container sizes. */
export const MODAL_SIZES = ['xs', 'sm', 'md', 'lg', 'xl', 'full'] as const;
/** One modal size. */
export type ModalSize = (typeof MODAL_SIZES)[number];

/** A slate as builders take it: a node tree from `ui`, or a slate in the object or the wire form. */
export type SlateSource = SlateNode | SlateInput;

/** Shows a slate in place of the block. */
export interface ShowInteraction {
  id: string;
  type: 'SHOW';
  slate: WireSlate;
}

/** What a modal shows around its slate. */
export interface ModalProps {
  title: string;
  size?: ModalSize;
  description?: string;
}

/** Opens a modal with a slate. */
export interface OpenModalInteraction {
  id: string;
  type: 'OPEN_MODAL';
  slate: WireSlate;
  props: ModalProps & { size: ModalSize };
}

/** What a toast shows. */
export interface ToastProps {
  status: ToastStatus;
  title: string;
  description?: string;
  link?: { href: string; text: string; enableCopy?: boolean };
}

/** Shows a toast. */
export interface OpenToastInteraction {
  id: string;
  type: 'OPEN_TOAST';
  props: ToastProps;
}

/** Closes the modal the interaction came from. */
export interface CloseInteraction {
  id: string;
  type: 'CLOSE';
}

/** Which blocks to load again; none named means the one that asked. */
export interface ReloadProps<TBlockKey extends string = string> {
  context?: string;
  entityId?: string;
  dynamicBlockKeys?: TBlockKey[];
}

/** Asks the platform to load blocks again. */
export interface ReloadInteraction<TBlockKey extends string = string> {
  id: string;
  type: 'RELOAD';
  props: ReloadProps<TBlockKey>;
}

/** Sends the member to a URL. */
export interface RedirectInteraction {
  id: string;
  type: 'REDIRECT';
  props: { url: string; external?: boolean };
}

/** Hands data back to the block that asked for it. */
export interface DataInteraction {
  id: string;
  type: 'DATA';
  props: Record<string, unknown>;
}

/** One item of an interaction answer's `data.interactions`, discriminated by `type`. */
export type Interaction<TBlockKey extends string = string> =
  ShowInteraction | OpenModalInteraction | OpenToastInteraction | CloseInteraction | ReloadInteraction<TBlockKey> | RedirectInteraction | DataInteraction;

/** Validates a slate from any source and writes its wire form; throws a `TribeSlateError` naming the block. */
export function wireSlate(slate: SlateSource): WireSlate {
  return isSlateNode(slate) ? buildSlate(slate) : toWireSlate(slate);
}

/** Shows a slate in place of the block; the slate is validated here, so a broken one fails where it was made. */
export function show(id: string, slate: SlateSource): ShowInteraction {
  return { id, type: 'SHOW', slate: wireSlate(slate) };
}

/** Opens a modal with a slate; `title` is required, `size` defaults to `md`. */
export function openModal(id: string, slate: SlateSource, props: ModalProps): OpenModalInteraction {
  return { id, type: 'OPEN_MODAL', slate: wireSlate(slate), props: { ...props, size: props.size ?? 'md' } };
}

/** Shows a toast with an upper-case status: `SUCCESS`, `ERROR`, `WARNING`, `INFO` or `NEUTRAL`. */
export function openToast(id: string, props: ToastProps): OpenToastInteraction {
  return { id, type: 'OPEN_TOAST', props };
}

/** Closes the modal the interaction came from. */
export function close(id: string): CloseInteraction {
  return { id, type: 'CLOSE' };
}

/** Asks the platform to load blocks again; `props.dynamicBlockKeys` may name them. */
export function reload<TBlockKey extends string = string>(id: string, props: ReloadProps<TBlockKey> = {}): ReloadInteraction<TBlockKey> {
  return { id, type: 'RELOAD', props };
}

/** Sends the member to a URL; `external` opens it outside the community. */
export function redirect(id: string, url: string, external = false): RedirectInteraction {
  return { id, type: 'REDIRECT', props: { url, external } };
}

/** Hands data back to the block that asked for it. */
export function dataInteraction(id: string, props: Record<string, unknown>): DataInteraction {
  return { id, type: 'DATA', props };
}
