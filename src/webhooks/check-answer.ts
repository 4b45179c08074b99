import { TribeConfigError } from '../errors.js';
import type { WebhookAnswer } from './answers.js';
import { INTERACTION_TYPES, MODAL_SIZES, TOAST_STATUSES, wireSlate, type SlateSource } from './interactions.js';
import type { WebhookType } from './request-types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrong(message: string): never {
  throw new TribeConfigError(`tribe-sdk: the app's answer is not one the platform accepts: ${message}`);
}

function oneOf(value: unknown, allowed: readonly string[], what: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) wrong(`${what} must be one of ${allowed.join(', ')}`);
}

function text(value: unknown, what: string): void {
  if (typeof value !== 'string' || value === '') wrong(`${what} must be a non-empty string`);
}

/** Checks one interaction and writes its slate in the wire form (a broken slate throws a `TribeSlateError` naming the block). */
function checkInteraction(value: unknown, index: number): Record<string, unknown> {
  const where = `interactions[${index}]`;
  if (!isObject(value)) return wrong(`${where} is not an object`);
  text(value.id, `${where}.id`);
  oneOf(value.type, INTERACTION_TYPES, `${where}.type`);
  const props = isObject(value.props) ? value.props : {};
  const checked: Record<string, unknown> = { ...value };
  switch (value.type) {
    case 'OPEN_MODAL':
      text(props.title, `${where}.props.title (a modal's title)`);
      oneOf(props.size ?? 'md', MODAL_SIZES, `${where}.props.size`);
      checked.props = { ...props, size: props.size ?? 'md' };
      checked.slate = wireSlate(value.slate as SlateSource);
      break;
    case 'SHOW':
      checked.slate = wireSlate(value.slate as SlateSource);
      break;
    case 'OPEN_TOAST':
      oneOf(props.status, TOAST_STATUSES, `${where}.props.status`);
      text(props.title, `${where}.props.title`);
      break;
    case 'REDIRECT':
      text(props.url, `${where}.props.url`);
      break;
  }
  return checked;
}

function checkSearchResult(value: unknown, index: number): void {
  if (!isObject(value)) return wrong(`results[${index}] is not an object`);
  for (const key of ['id', 'title', 'url']) text(value[key], `results[${index}].${key}`);
  if (typeof value.description !== 'string') wrong(`results[${index}].description must be a string`);
}

function checkStatesItem(value: unknown, index: number): void {
  if (!isObject(value)) return wrong(`states[${index}] is not an object`);
  if (typeof value.context !== 'string' || typeof value.entityId !== 'string') wrong(`states[${index}] needs a context and an entityId`);
  const states = value.shortcutStates;
  if (!Array.isArray(states) || !states.every((state) => isObject(state) && typeof state.shortcut === 'string' && typeof state.state === 'string')) {
    wrong(`states[${index}].shortcutStates must be an array of { shortcut, state } strings`);
  }
}

/** Checks an answer against the shape its request type needs, before it leaves the app; returns it with slates in the wire form. */
export function checkAnswer(type: WebhookType, answer: WebhookAnswer): WebhookAnswer {
  if (answer.status === 'FAILED') {
    if (typeof answer.errorCode !== 'number' && typeof answer.errorCode !== 'string') wrong('errorCode must be a number');
    if (typeof answer.errorMessage !== 'string') wrong('errorMessage must be a string');
    return answer;
  }
  const data: unknown = answer.data;
  if (type === 'SHORTCUTS_STATES' || type === 'FEDERATED_SEARCH') {
    if (!Array.isArray(data)) wrong(`a ${type} answer's data must be an array`);
    data.forEach(type === 'SHORTCUTS_STATES' ? checkStatesItem : checkSearchResult);
    return answer;
  }
  if (type !== 'INTERACTION') return answer;
  if (!isObject(data) || !Array.isArray(data.interactions)) return wrong('an INTERACTION answer needs data.interactions, an array');
  return { ...answer, data: { ...data, interactions: data.interactions.map(checkInteraction) } };
}

/**
 * Checks an answer read from an app (by a test, or the emulator playing the platform) against the shapes the platform
 * accepts for the request type: status, error code, interactions with valid slates, arrays for states and search.
 * Returns it with slates in the wire form; throws a `TribeConfigError` or a `TribeSlateError` saying what is wrong.
 */
export function validateAnswer(type: WebhookType, answer: unknown): WebhookAnswer {
  if (!isObject(answer)) return wrong('it is not an object');
  if (answer.type !== undefined && answer.type !== type) wrong(`its type is ${JSON.stringify(String(answer.type).slice(0, 40))}, not ${type}`);
  oneOf(answer.status, ['SUCCEEDED', 'FAILED'], 'status');
  return checkAnswer(type, answer as unknown as WebhookAnswer);
}
