import { INTERACTION_TYPES, MODAL_SIZES, TOAST_STATUSES } from 'tribe-sdk/webhooks';
import { isObject, linkAt, oneOfAt, optionalStringAt, shown, stringAt } from './shape.js';

/** Why a slate is not one the platform renders, or undefined when it is. */
export type SlateCheck = (slate: unknown) => string | undefined;

type Problems = Array<string | undefined>;

/** The envelope of any answer: an object with the request's type and a status; a failure has a numeric code and a message. */
function envelopeProblems(answer: unknown, type: string): { problems: Problems; data: unknown; failed: boolean } {
  if (!isObject(answer)) return { problems: [`the answer must be a JSON object, not ${shown(answer)}`], data: undefined, failed: false };
  const problems: Problems = [
    answer.type === type ? undefined : `type must be ${type}, not ${shown(answer.type)}`,
    oneOfAt(answer.status, 'status', ['SUCCEEDED', 'FAILED'], true),
  ];
  if (answer.status !== 'FAILED') return { problems, data: answer.data, failed: false };
  problems.push(
    typeof answer.errorCode === 'number' && Number.isInteger(answer.errorCode) ? undefined : `errorCode must be a whole number, not ${shown(answer.errorCode)}`,
    stringAt(answer.errorMessage, 'errorMessage'),
  );
  return { problems, data: undefined, failed: true };
}

function propsProblems(kind: string, props: unknown, path: string): Problems {
  const at = (field: string): unknown => (isObject(props) ? props[field] : undefined);
  switch (kind) {
    case 'OPEN_MODAL':
      return [
        stringAt(at('title'), `${path}.props.title`),
        oneOfAt(at('size'), `${path}.props.size`, MODAL_SIZES, false),
        optionalStringAt(at('description'), `${path}.props.description`),
      ];
    case 'OPEN_TOAST':
      return [
        oneOfAt(at('status'), `${path}.props.status`, TOAST_STATUSES, true),
        stringAt(at('title'), `${path}.props.title`),
        optionalStringAt(at('description'), `${path}.props.description`),
        at('link') === undefined ? undefined : linkAt(at('link'), `${path}.props.link`),
      ];
    case 'REDIRECT':
      return [
        linkAt(at('url'), `${path}.props.url`),
        at('external') === undefined || typeof at('external') === 'boolean' ? undefined : `${path}.props.external must be a boolean`,
      ];
    case 'RELOAD': {
      const keys = at('dynamicBlockKeys');
      return [
        props === undefined || isObject(props) ? undefined : `${path}.props must be an object`,
        keys === undefined || (Array.isArray(keys) && keys.every((key) => typeof key === 'string'))
          ? undefined
          : `${path}.props.dynamicBlockKeys must be an array of strings`,
      ];
    }
    case 'DATA':
      return [isObject(props) ? undefined : `${path}.props must be an object`];
    default:
      return [];
  }
}

function interactionProblems(item: unknown, path: string, checkSlate: SlateCheck): Problems {
  if (!isObject(item)) return [`${path} must be an object`];
  const kindProblem = oneOfAt(item.type, `${path}.type`, INTERACTION_TYPES, true);
  if (kindProblem) return [kindProblem];
  const kind = item.type as string;
  const problems: Problems = [stringAt(item.id, `${path}.id`), ...propsProblems(kind, item.props, path)];
  if (kind === 'SHOW' || kind === 'OPEN_MODAL') {
    const slateProblem = item.slate === undefined ? 'is missing' : checkSlate(item.slate);
    if (slateProblem) problems.push(`${path}.slate ${slateProblem}`);
  }
  return problems;
}

function found(problems: Problems): string[] {
  return problems.filter((problem): problem is string => problem !== undefined);
}

/** What is wrong with an answer to an `INTERACTION`: its envelope, each interaction's fields, and each slate. */
export function interactionAnswerProblems(answer: unknown, checkSlate: SlateCheck): string[] {
  const { problems, data, failed } = envelopeProblems(answer, 'INTERACTION');
  if (failed) return found(problems);
  const interactions = isObject(data) ? data.interactions : undefined;
  if (!Array.isArray(interactions)) return found([...problems, `data.interactions must be an array, not ${shown(interactions)}`]);
  interactions.forEach((item, index) => problems.push(...interactionProblems(item, `data.interactions[${index}]`, checkSlate)));
  return found(problems);
}

/** What is wrong with an answer to `SHORTCUTS_STATES`: one entry per asked entity, a state for known shortcuts only. */
export function shortcutStatesAnswerProblems(answer: unknown, entityIds: readonly string[], shortcuts: ReadonlySet<string>): string[] {
  const { problems, data, failed } = envelopeProblems(answer, 'SHORTCUTS_STATES');
  if (failed) return found(problems);
  if (!Array.isArray(data)) return found([...problems, `data must be an array of { context, entityId, shortcutStates }, not ${shown(data)}`]);
  data.forEach((entry, index) => {
    const path = `data[${index}]`;
    if (!isObject(entry)) return void problems.push(`${path} must be an object`);
    problems.push(
      stringAt(entry.context, `${path}.context`),
      entityIds.includes(entry.entityId as string)
        ? undefined
        : `${path}.entityId must be one of the asked entities (${entityIds.join(', ')}), not ${shown(entry.entityId)}`,
    );
    if (!Array.isArray(entry.shortcutStates)) return void problems.push(`${path}.shortcutStates must be an array`);
    entry.shortcutStates.forEach((state: unknown, stateIndex) => {
      const statePath = `${path}.shortcutStates[${stateIndex}]`;
      if (!isObject(state)) return void problems.push(`${statePath} must be an object`);
      problems.push(
        shortcuts.has(state.shortcut as string) ? undefined : `${statePath}.shortcut must be a registered shortcut, not ${shown(state.shortcut)}`,
        stringAt(state.state, `${statePath}.state`),
      );
    });
  });
  return found(problems);
}

/** What is wrong with an answer to `FEDERATED_SEARCH`: an array of `{ id, title, description, url, icon? }`. */
export function searchAnswerProblems(answer: unknown): string[] {
  const { problems, data, failed } = envelopeProblems(answer, 'FEDERATED_SEARCH');
  if (failed) return found(problems);
  if (!Array.isArray(data)) return found([...problems, `data must be an array of { id, title, description, url }, not ${shown(data)}`]);
  data.forEach((result, index) => {
    const path = `data[${index}]`;
    if (!isObject(result)) return void problems.push(`${path} must be an object`);
    problems.push(
      stringAt(result.id, `${path}.id`),
      stringAt(result.title, `${path}.title`),
      optionalStringAt(result.description, `${path}.description`),
      linkAt(result.url, `${path}.url`),
      result.icon === undefined ? undefined : linkAt(result.icon, `${path}.icon`),
      result.iconUrl === undefined ? undefined : linkAt(result.iconUrl, `${path}.iconUrl`),
    );
  });
  return found(problems);
}
