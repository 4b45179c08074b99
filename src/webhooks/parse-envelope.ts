import type { WebhookEvent } from './envelope.js';
import { isWebhookType, REQUEST_TYPES, WEBHOOK_TYPES } from './request-types.js';
import { TribeWebhookError } from './webhook-error.js';

function malformed(problem: string): never {
  throw new TribeWebhookError(`tribe-sdk: the webhook body is not a platform request: ${problem}`, { reason: 'malformed' });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(owner: Record<string, unknown>, key: string, where: string): void {
  if (typeof owner[key] !== 'string' || owner[key] === '') malformed(`${where}.${key} must be a non-empty string`);
}

/** Checks the fields the SDK relies on; anything else is passed through untouched for the app to read. */
export function parseEnvelope(bodyText: string): WebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return malformed('it is not JSON');
  }
  if (!isObject(parsed)) return malformed('it is not a JSON object');
  const { type } = parsed;
  if (typeof type !== 'string' || !isWebhookType(type)) return malformed(`type must be one of ${WEBHOOK_TYPES.join(', ')}`);
  if (parsed.data === undefined || parsed.data === null) parsed.data = {};
  if (!isObject(parsed.data)) return malformed('data must be an object');
  const data = parsed.data;
  for (const key of REQUEST_TYPES[type].requires) requireString(data, key, 'data');
  // The URL check comes before any install, so it may name no network.
  if (type !== 'TEST') requireString(parsed, 'networkId', 'the envelope');
  if (type === 'SUBSCRIPTION') {
    if (!isObject(data.actor)) data.actor = { id: '' };
    if (!isObject(data.object)) data.object = {};
  }
  if (typeof parsed.networkId !== 'string') parsed.networkId = '';
  return parsed as unknown as WebhookEvent;
}
