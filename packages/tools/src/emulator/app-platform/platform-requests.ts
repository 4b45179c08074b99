import type { EmulatorStore, MemberRecord } from '../store.js';
import { roleOf } from '../viewer.js';
import { envelope, publicMember, type EmulatorWebhookEnvelope } from '../webhook-events.js';

/** Where a shortcut is shown: a post or a space of the served network. */
export interface ShortcutEntity {
  context: 'POST' | 'SPACE';
  id: string;
}

/** One `INTERACTION` as the platform sends it: a block load has no callback and no inputs (`null`, as on the platform). */
export interface InteractionRequest {
  actor: MemberRecord;
  dynamicBlockKey: string | null;
  shortcutKey: string | null;
  callbackId: string | null;
  inputs: Record<string, unknown> | null;
  preview: boolean;
  /** The post or space a shortcut was used on. */
  entity: ShortcutEntity | undefined;
}

/** The app's stored settings as the platform sends them in `currentSettings`: one entry per network, the values in `settings`. */
export interface StoredSettings {
  id: string;
  appId: string;
  networkId: string;
  context: 'NETWORK';
  entityId: string;
  settings: Record<string, unknown>;
}

function withSettings(request: EmulatorWebhookEnvelope, settings: StoredSettings | undefined): EmulatorWebhookEnvelope {
  return { ...request, currentSettings: settings === undefined ? [] : [settings] };
}

function entityRecord(store: EmulatorStore, entity: ShortcutEntity): unknown {
  return entity.context === 'POST' ? store.post(entity.id) : store.space(entity.id);
}

/** The `INTERACTION` request for the app's interaction URL, carrying the settings saved so far. */
export function interactionRequest(store: EmulatorStore, request: InteractionRequest, settings: StoredSettings | undefined): EmulatorWebhookEnvelope {
  const app = store.data.apps[0]!;
  const entities: Record<string, unknown> = { actor: publicMember(request.actor) };
  if (request.entity) entities[request.entity.context === 'POST' ? 'post' : 'space'] = entityRecord(store, request.entity);
  const sent = envelope(
    store,
    'INTERACTION',
    {
      actorId: request.actor.id,
      appId: app.id,
      interactionId: store.newId('Int'),
      preview: request.preview,
      dynamicBlockKey: request.dynamicBlockKey,
      shortcutKey: request.shortcutKey,
      callbackId: request.callbackId,
      inputs: request.inputs,
    },
    entities,
  );
  const located = request.entity ? { ...sent, context: request.entity.context, entityId: request.entity.id } : sent;
  return withSettings(located, settings);
}

/** The `SHORTCUTS_STATES` request: for each entity, the member asks which state each of the app's shortcuts is in. */
export function shortcutsStatesRequest(
  store: EmulatorStore,
  actor: MemberRecord,
  entities: readonly ShortcutEntity[],
  shortcuts: readonly string[],
  settings: StoredSettings | undefined,
): EmulatorWebhookEnvelope {
  const data = {
    member: publicMember(actor),
    role: roleOf(actor),
    entities: entities.map((entity) => ({ context: entity.context, entity: entityRecord(store, entity), shortcuts: [...shortcuts] })),
  };
  return withSettings(envelope(store, 'SHORTCUTS_STATES', data, { actor: publicMember(actor) }), settings);
}

/** The `FEDERATED_SEARCH` request for the app's search URL. */
export function federatedSearchRequest(
  store: EmulatorStore,
  actor: MemberRecord,
  query: string,
  settings: StoredSettings | undefined,
): EmulatorWebhookEnvelope {
  return withSettings(envelope(store, 'FEDERATED_SEARCH', { query }, { actor: publicMember(actor) }), settings);
}
