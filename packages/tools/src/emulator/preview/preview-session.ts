import type { AnsweredInteraction, InteractionResult } from '../app-platform/app-platform.js';

/** A modal the app opened, over the block. */
export interface OpenModal {
  slate: unknown;
  title: string;
  description: string | undefined;
}

/** What one member sees of one block between requests: its slate and any open modal. */
export interface BlockSession {
  slate: unknown;
  modal: OpenModal | undefined;
}

/** What one answer did, beyond the slates: toasts, a redirect, data, problems, a refusal. */
export interface AnswerEffects {
  toasts: Array<{ status: string; title: string; description: string | undefined }>;
  redirect: { url: string; external: boolean } | undefined;
  data: Array<Record<string, unknown>>;
  /** Whether the app asked to reload this block. */
  reload: boolean;
  problems: string[];
  failure: { errorCode: number; errorMessage: string } | undefined;
}

/** Which part of the page a callback came from. */
export type Surface = 'block' | 'modal';

const MAX_SESSIONS = 200;

/** The sessions of the preview page by block and member, the oldest dropped past 200. */
export class PreviewSessions {
  readonly #sessions = new Map<string, BlockSession>();

  /** The session of a member on a block, made empty on first use. */
  get(block: string, actor: string): BlockSession {
    const key = JSON.stringify([block, actor]);
    let session = this.#sessions.get(key);
    if (!session) {
      session = { slate: undefined, modal: undefined };
      if (this.#sessions.size >= MAX_SESSIONS) this.#sessions.delete(this.#sessions.keys().next().value!);
      this.#sessions.set(key, session);
    }
    return session;
  }
}

function applyOne(session: BlockSession, item: AnsweredInteraction, surface: Surface, block: string, effects: AnswerEffects): void {
  const props = item.props ?? {};
  switch (item.type) {
    case 'SHOW':
      if (surface === 'modal' && session.modal) session.modal.slate = item.slate;
      else session.slate = item.slate;
      return;
    case 'OPEN_MODAL':
      session.modal = { slate: item.slate, title: String(props.title), description: props.description as string | undefined };
      return;
    case 'CLOSE':
      session.modal = undefined;
      return;
    case 'OPEN_TOAST':
      effects.toasts.push({ status: String(props.status), title: String(props.title), description: props.description as string | undefined });
      return;
    case 'REDIRECT':
      effects.redirect = { url: String(props.url), external: props.external === true };
      return;
    case 'RELOAD': {
      const keys = props.dynamicBlockKeys as string[] | undefined;
      effects.reload ||= keys === undefined || keys.includes(block);
      return;
    }
    case 'DATA':
      effects.data.push(props);
  }
}

/** Applies an answer to the session, in order, as the platform would, and returns what else it did. */
export function applyAnswer(session: BlockSession, result: InteractionResult, surface: Surface, block: string): AnswerEffects {
  const effects: AnswerEffects = { toasts: [], redirect: undefined, data: [], reload: false, problems: result.problems, failure: result.failure };
  for (const item of result.interactions) applyOne(session, item, surface, block, effects);
  return effects;
}
