import { TribeConfigError } from 'tribe-sdk';
import type { EmulatorStore, MemberRecord } from '../store.js';
import { WebhookDeliverer, type EmulatorWebhookOptions } from '../webhook-delivery.js';
import type { EmulatorWebhookEnvelope } from '../webhook-events.js';
import { interactionAnswerProblems, searchAnswerProblems, shortcutStatesAnswerProblems, type SlateCheck } from './answer-checks.js';
import { SETTINGS_BLOCK, type RegisteredApp } from './app-options.js';
import { isObject } from './shape.js';
import { federatedSearchRequest, interactionRequest, shortcutsStatesRequest, type ShortcutEntity, type StoredSettings } from './platform-requests.js';

/** What a member did: loaded a block (no callback), used a button or form in it (a callback), or clicked a shortcut. */
export interface AppInteractionInput {
  /** The dynamic block's key, or `settings` for the app's settings page; one of `block` and `shortcut` is needed. */
  block?: string;
  /** The shortcut clicked. */
  shortcut?: string;
  /** The post or space the shortcut was clicked on (default: the newest post). */
  entity?: ShortcutEntity;
  /** The member's ID (default: the first person of the network). */
  actor?: string;
  /** The `callbackId` of the button or form used; none for a load. */
  callbackId?: string;
  /** The form's values. */
  inputs?: Record<string, unknown>;
  /** Whether the block is shown in the platform's editor preview. */
  preview?: boolean;
}

/** One interaction of a valid answer, as the platform reads it. */
export interface AnsweredInteraction {
  id: string;
  type: 'SHOW' | 'OPEN_MODAL' | 'OPEN_TOAST' | 'REDIRECT' | 'RELOAD' | 'CLOSE' | 'DATA';
  slate?: unknown;
  props?: Record<string, unknown>;
}

/** The app's answer to one request, and what is wrong with it. */
export interface AppAnswerResult {
  /** What was asked: `block <key>`, `shortcut <key>`, `shortcut states` or `search`. */
  block: string;
  /** The app's HTTP status; undefined when no answer came. */
  status: number | undefined;
  /** The answer, parsed when it was JSON. */
  answer: unknown;
  /** Every problem found (an HTTP error, a bad shape, an invalid slate); empty when the platform would accept it. */
  problems: string[];
  /** `problems` is empty. */
  valid: boolean;
  /** `errorCode` and `errorMessage` of a valid `FAILED` answer. */
  failure: { errorCode: number; errorMessage: string } | undefined;
}

/** The answer to an `INTERACTION`. */
export interface InteractionResult extends AppAnswerResult {
  /** The request's `interactionId`. */
  interactionId: string;
  /** The interactions of a valid, successful answer, in order; empty otherwise. */
  interactions: AnsweredInteraction[];
}

/** Which entities `SHORTCUTS_STATES` asks about, and for whom. */
export interface ShortcutStatesInput {
  /** The member's ID (default: the first person). */
  actor?: string;
  /** The posts and spaces asked about (default: the newest post and the first space). */
  entities?: ShortcutEntity[];
}

/** Plays the platform's side for one registered app: signed requests for blocks, settings, shortcuts and search, every answer checked. */
export class AppPlatform {
  readonly #store: EmulatorStore;
  readonly #app: RegisteredApp;
  readonly #checkSlate: SlateCheck;
  readonly #interactions: WebhookDeliverer;
  readonly #webhook: WebhookDeliverer;
  readonly #search: WebhookDeliverer;
  #settings: StoredSettings | undefined;

  constructor(store: EmulatorStore, app: RegisteredApp, webhooks: EmulatorWebhookOptions, checkSlate: SlateCheck) {
    this.#store = store;
    this.#app = app;
    this.#checkSlate = checkSlate;
    // The platform waits for these answers and does not retry them: one attempt each.
    const sender = (url: string): WebhookDeliverer => new WebhookDeliverer({ ...webhooks, url, maxAttempts: 1 });
    this.#interactions = sender(app.interactionUrl);
    this.#webhook = sender(app.webhookUrl);
    this.#search = sender(app.searchUrl);
  }

  /** The registration: URLs, block keys and shortcut keys. */
  get app(): RegisteredApp {
    return this.#app;
  }

  /** Sends an `INTERACTION` for a block load, a callback or a shortcut click, and checks the answer. */
  async interact(input: AppInteractionInput): Promise<InteractionResult> {
    const actor = this.#actor(input.actor);
    const { block, shortcut } = input;
    if ((block === undefined) === (shortcut === undefined)) throw new TribeConfigError('tribe-sdk emulator: interact needs one of block and shortcut');
    if (block !== undefined && !this.#app.dynamicBlocks.has(block))
      throw new TribeConfigError(
        `tribe-sdk emulator: the app registered no block ${JSON.stringify(block)} (blocks: ${[...this.#app.dynamicBlocks].join(', ')})`,
      );
    if (shortcut !== undefined && !this.#app.shortcuts.has(shortcut))
      throw new TribeConfigError(`tribe-sdk emulator: the app registered no shortcut ${JSON.stringify(shortcut)}`);
    if (input.inputs !== undefined && !isObject(input.inputs)) throw new TribeConfigError('tribe-sdk emulator: inputs must be an object');
    const request = interactionRequest(
      this.#store,
      {
        actor,
        dynamicBlockKey: block ?? null,
        shortcutKey: shortcut ?? null,
        callbackId: input.callbackId ?? null,
        inputs: input.inputs ?? null,
        preview: input.preview ?? false,
        entity: shortcut === undefined ? undefined : this.#entity(input.entity ?? this.#defaultEntities()[0]!),
      },
      this.#settings,
    );
    const label = block === undefined ? `shortcut ${shortcut}` : `block ${block}`;
    const result = await this.#ask(this.#interactions, request, label, (answer) => interactionAnswerProblems(answer, this.#checkSlate));
    const data = result.valid && result.failure === undefined ? (result.answer as { data: Record<string, unknown> }).data : undefined;
    if (block === SETTINGS_BLOCK && isObject(data?.toStore)) this.#saveSettings(data.toStore);
    const interactions = (data?.interactions ?? []) as AnsweredInteraction[];
    return { ...result, interactionId: request.data.interactionId as string, interactions };
  }

  /** Sends `SHORTCUTS_STATES` for the given posts and spaces, and checks the answer. */
  async shortcutStates(input: ShortcutStatesInput = {}): Promise<AppAnswerResult> {
    const actor = this.#actor(input.actor);
    const entities = (input.entities ?? this.#defaultEntities()).map((entity) => this.#entity(entity));
    const request = shortcutsStatesRequest(this.#store, actor, entities, [...this.#app.shortcuts], this.#settings);
    const ids = entities.map((entity) => entity.id);
    return this.#ask(this.#webhook, request, 'shortcut states', (answer) => shortcutStatesAnswerProblems(answer, ids, this.#app.shortcuts));
  }

  /** Sends `FEDERATED_SEARCH` with the query, and checks the answer. */
  async search(query: string, actorId?: string): Promise<AppAnswerResult> {
    if (typeof query !== 'string' || query.trim() === '') throw new TribeConfigError('tribe-sdk emulator: search needs a non-empty query');
    const request = federatedSearchRequest(this.#store, this.#actor(actorId), query, this.#settings);
    return this.#ask(this.#search, request, 'search', searchAnswerProblems);
  }

  /** Aborts requests in flight. */
  close(): void {
    for (const deliverer of [this.#interactions, this.#webhook, this.#search]) deliverer.close();
  }

  async #ask(deliverer: WebhookDeliverer, request: EmulatorWebhookEnvelope, block: string, check: (answer: unknown) => string[]): Promise<AppAnswerResult> {
    const outcome = await deliverer.deliver(request);
    let problems: string[];
    if (outcome.status === undefined) problems = [`no answer: ${deliverer.records.at(-1)?.error ?? 'the request failed'}`];
    else if (!outcome.ok) problems = [`the app answered HTTP ${outcome.status}`];
    else problems = check(outcome.answer);
    for (const reason of problems) this.#app.onInvalidAnswer({ block, reason });
    const answer = outcome.answer as { status?: unknown; errorCode?: number; errorMessage?: string } | undefined;
    const failure = problems.length === 0 && answer?.status === 'FAILED' ? { errorCode: answer.errorCode!, errorMessage: answer.errorMessage! } : undefined;
    return { block, status: outcome.status, answer: outcome.answer, problems, valid: problems.length === 0, failure };
  }

  #saveSettings(settings: Record<string, unknown>): void {
    const app = this.#store.data.apps[0]!;
    const networkId = this.#store.data.network.id;
    this.#settings = { id: this.#settings?.id ?? this.#store.newId('Set'), appId: app.id, networkId, context: 'NETWORK', entityId: networkId, settings };
    app.settings = JSON.stringify(settings);
  }

  #actor(actorId: string | undefined): MemberRecord {
    const actor = actorId === undefined ? this.#store.people()[0] : this.#store.member(actorId);
    if (!actor || actor.isBot) throw new TribeConfigError(`tribe-sdk emulator: no member ${JSON.stringify(actorId)} to act as`);
    return actor;
  }

  #entity(entity: ShortcutEntity): ShortcutEntity {
    const exists = entity.context === 'POST' ? this.#store.post(entity.id) : entity.context === 'SPACE' ? this.#store.space(entity.id) : undefined;
    if (!exists) throw new TribeConfigError(`tribe-sdk emulator: no ${String(entity.context).toLowerCase()} ${JSON.stringify(entity.id)} to use a shortcut on`);
    return entity;
  }

  #defaultEntities(): ShortcutEntity[] {
    const post = this.#store.publishedPosts()[0];
    const space = this.#store.data.spaces[0];
    return [...(post ? [{ context: 'POST' as const, id: post.id }] : []), ...(space ? [{ context: 'SPACE' as const, id: space.id }] : [])];
  }
}
