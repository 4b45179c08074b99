/** tribe-sdk-tools/emulator: a local, stateful Tribe API server for trying the SDK and testing apps. */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createYoga } from 'graphql-yoga';
import { SHIPPED_SCHEMA_PATH } from '../shipped-schema.js';
import { appControls, startAppPlatform, type RunningApp } from './app-platform/app-controls.js';
import type { EmulatorAppOptions } from './app-platform/app-options.js';
import { authGate } from './auth-gate.js';
import { emulatorCors } from './cors.js';
import { readCaller, type EmulatorContext } from './context.js';
import { countUsage } from './count-usage.js';
import { buildEmulatorSchema } from './executable-schema.js';
import { FaultInjector, type FaultRule, type InjectedFault } from './faults.js';
import { mediaRoutes } from './media/media-routes.js';
import { MediaStore } from './media/media-store.js';
import { OAuthGrants } from './oauth/oauth-grants.js';
import { oauthRoutes } from './oauth/oauth-routes.js';
import { startHttpServer } from './http-server.js';
import { quotaPlugin } from './quota-plugin.js';
import { RateLimitLedger, type EmulatorRateLimits } from './rate-limits.js';
import { RequestLog, type RequestRecord } from './request-log.js';
import { DEFAULT_REQUEST_LIMITS, type EmulatorRequestLimits } from './request-limit-settings.js';
import { requestLimitsPlugin } from './request-limits.js';
import { createDemoData } from './seed.js';
import { EmulatorStore, type EmulatorData } from './store.js';
import { TokenAuthority } from './tokens.js';
import { WebhookDeliverer, type DeliveryOutcome, type DeliveryRecord, type EmulatorWebhookOptions, type WebhookFault } from './webhook-delivery.js';
import {
  installedEnvelope,
  interactionEnvelope,
  subscriptionFor,
  testEnvelope,
  type EmulatorWebhookEnvelope,
  type InteractionInput,
} from './webhook-events.js';

export type { FaultRule, InjectedFault } from './faults.js';
export type { RunningApp } from './app-platform/app-controls.js';
export type { EmulatorAppOptions } from './app-platform/app-options.js';
export type { AnswerProblem } from './app-platform/answer-problem.js';
export type { AnsweredInteraction, AppAnswerResult, AppInteractionInput, InteractionResult, ShortcutStatesInput } from './app-platform/app-platform.js';
export type { ShortcutEntity } from './app-platform/platform-requests.js';
export type { RequestRecord } from './request-log.js';
export type { DeliveryOutcome, DeliveryRecord, EmulatorWebhookOptions, WebhookFault } from './webhook-delivery.js';
export type { EmulatorWebhookEnvelope, InteractionInput } from './webhook-events.js';
export { EMULATOR_PLANS, type EmulatorRateLimits, type WindowLimits } from './rate-limits.js';
export { DEFAULT_REQUEST_LIMITS, type EmulatorRequestLimits } from './request-limit-settings.js';
export type {
  AppInstallationRecord,
  AppRecord,
  CollectionRecord,
  EmulatorData,
  MemberRecord,
  NetworkRecord,
  NotificationSubscriptionRecord,
  PostRecord,
  PostTypeRecord,
  SpaceJoinRequestRecord,
  SpaceRecord,
  TagRecord,
} from './store.js';
export { EmulatorStore } from './store.js';
export { MediaStore, type StoredMedia } from './media/media-store.js';
export { createDemoData, type DemoDataOptions } from './seed.js';

/** The token lifetime unless configured otherwise: one hour. */
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/** How long a signed upload target stays valid unless changed: ten minutes. */
export const DEFAULT_UPLOAD_TTL_SECONDS = 600;

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** The port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** The loopback address to listen on (default 127.0.0.1); other addresses are refused. */
  host?: string;
  /** The state to start from: data, or the path of a JSON file with it (default: the demo data). */
  data?: EmulatorData | string;
  /** How long issued tokens live, in seconds (default 3600). */
  tokenTtlSeconds?: number;
  /** Make `limitedToken` return a `gatewayUrl`: `true` for this emulator's `/gateway` path, or a URL. */
  gatewayUrl?: boolean | string;
  /** The SDL to serve (default: the SDK's `schema/tribe.graphql`). */
  schemaPath?: string;
  /** Rate limits per network (burst and daily windows); none unless given. */
  rateLimits?: EmulatorRateLimits;
  /** Deliver signed webhooks to an app: the URL check on start, installs, events on state changes, interactions on demand. */
  webhooks?: EmulatorWebhookOptions;
  /** Web origins allowed to call the emulator from a browser besides loopback ones, e.g. `http://dev.test:3000`. */
  corsOrigins?: string[];
  /** Register the app with the platform side (needs `webhooks`): its interaction and search URLs, dynamic blocks and shortcuts. */
  app?: EmulatorAppOptions;
  /** What one request may ask: body size, aliases, fields, introspections, complexity (default {@link DEFAULT_REQUEST_LIMITS}). */
  requestLimits?: Partial<EmulatorRequestLimits>;
}

/** The emulator's side of an app's webhooks: what it sent, and controls to send more. */
export interface RunningWebhooks {
  /** Every delivery attempt so far, oldest first (the last 1000). */
  readonly deliveries: readonly DeliveryRecord[];
  /** Resolves to whether the app answered the `TEST` check sent on start with its challenge. */
  readonly urlCheck: Promise<boolean>;
  /** Delivers any request, signed (e.g. `GET_SETTINGS`); resolves with the app's last answer. */
  deliver(envelope: EmulatorWebhookEnvelope): Promise<DeliveryOutcome>;
  /** Sends an `INTERACTION` as if a member used the app's block; resolves with the app's answer. */
  interact(input?: InteractionInput): Promise<DeliveryOutcome>;
  /** Gives the next `times` delivery attempts a fault. */
  injectFault(fault: WebhookFault, times?: number): void;
  /** Resolves once every queued delivery has ended (answered, or out of attempts). */
  idle(): Promise<void>;
}

/** Restores what an injection changed. */
export interface Restorable {
  /** Undoes the change. */
  restore(): void;
}

/** A running emulator: where it is, the demo credentials, its state, and the fault controls. */
export interface RunningEmulator extends RunningApp {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4123/graphql`. */
  url: string;
  clientId: string;
  clientSecret: string;
  appId: string;
  networkId: string;
  /** The people of the network (not the bot), for impersonation. */
  memberIds: string[];
  /** A network that exists but where the app is not installed: minting there is Forbidden. */
  uninstalledNetworkId: string;
  /** The live state; tests may read it. */
  store: EmulatorStore;
  /** Every request so far, with its operation and Authorization header. */
  readonly requests: readonly RequestRecord[];
  /** How many requests came, for one operation or in all. */
  requestCount(operationName?: string): number;
  /** Injects a fault (429, 5xx, delay, dropped connection, hang) until restored. */
  injectFault(rule: FaultRule): InjectedFault;
  /** Revokes every token issued so far. */
  revokeTokens(): void;
  /** Revokes each of the next `count` tokens as soon as it is issued. */
  revokeNextTokens(count: number): Restorable;
  /** Puts other rate limits in force (undefined: none), with fresh windows, until restored. */
  setRateLimits(limits: EmulatorRateLimits | undefined): Restorable;
  /** How many requests were refused with HTTP 429 by the rate limits. */
  rateLimitedCount(): number;
  /** Changes the lifetime of tokens issued from now on. */
  setTokenTtl(seconds: number): Restorable;
  /** Changes how long upload targets signed from now on stay valid (negative: already expired). */
  setUploadTtl(seconds: number): Restorable;
  /** The uploaded media, by ID: kind, name, content type and bytes. */
  media: MediaStore;
  /** Webhook deliveries, when started with `webhooks`. */
  webhooks: RunningWebhooks | undefined;
  /** Ends every fault, restores the token lifetime and forgets the request and delivery logs; keeps the data. */
  reset(): void;
  /** Stops the server. */
  close(): Promise<void>;
}

// The package's schema/ sits two levels above src/emulator/*.ts, three above the built dist/src/emulator/*.js.

async function loadData(data: EmulatorOptions['data']): Promise<EmulatorData> {
  if (data === undefined) return createDemoData();
  if (typeof data !== 'string') return data;
  return JSON.parse(await readFile(data, 'utf8')) as EmulatorData;
}

/** Sends the URL check and the installs, and hands out the delivery controls. */
function startDeliveries(deliverer: WebhookDeliverer, store: EmulatorStore, networkIds: string[], graphqlUrl: string): RunningWebhooks {
  const challenge = randomUUID();
  const urlCheck = deliverer
    .deliver(testEnvelope(store, challenge))
    .then((outcome) => outcome.ok && (outcome.answer as { data?: { challenge?: unknown } } | undefined)?.data?.challenge === challenge);
  for (const networkId of networkIds) void deliverer.deliver(installedEnvelope(store, networkId, graphqlUrl));
  return {
    get deliveries() {
      return deliverer.records;
    },
    urlCheck,
    deliver: (envelope) => deliverer.deliver(envelope),
    interact: (input = {}) => deliverer.deliver(interactionEnvelope(store, input)),
    injectFault: (fault, times) => deliverer.injectFault(fault, times),
    idle: () => deliverer.idle(),
  };
}

/** Starts the emulator on loopback and resolves once it accepts requests. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  // It hands out demo credentials and has no real security: it must not be reachable from elsewhere.
  if (!/^(localhost|::1|127(\.\d{1,3}){3})$/.test(host)) throw new Error(`tribe-sdk emulator: host must be a loopback address, not ${host}`);
  const cors = emulatorCors(options.corsOrigins ?? []);
  const ttl = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const store = new EmulatorStore(await loadData(options.data));
  const sdl = await readFile(options.schemaPath ?? SHIPPED_SCHEMA_PATH, 'utf8');
  const tokens = new TokenAuthority(ttl);
  const faults = new FaultInjector();
  const log = new RequestLog();
  const media = new MediaStore(DEFAULT_UPLOAD_TTL_SECONDS);
  let gatewayUrl: string | undefined;
  const deliverer = options.webhooks ? new WebhookDeliverer(options.webhooks) : undefined;
  const onChange =
    deliverer &&
    ((change: Parameters<typeof subscriptionFor>[0]) => {
      const envelope = subscriptionFor(change);
      if (envelope) void deliverer.deliver(envelope);
    });
  const limits = { ledger: options.rateLimits && new RateLimitLedger(options.rateLimits) };
  const requestLimits = { ...DEFAULT_REQUEST_LIMITS, ...options.requestLimits };
  const yoga = createYoga<Record<string, unknown>, EmulatorContext>({
    schema: buildEmulatorSchema(sdl, onChange),
    graphqlEndpoint: '/graphql',
    logging: false,
    maskedErrors: false,
    landingPage: false,
    cors,
    plugins: [requestLimitsPlugin(requestLimits), quotaPlugin(limits), authGate(), countUsage()],
    context: async ({ request }) => ({
      store,
      tokens,
      media,
      gatewayUrl,
      caller: await readCaller(request.headers.get('authorization'), tokens),
    }),
  });
  const appPlatform = startAppPlatform(store, options.app, options.webhooks);
  const routes = [mediaRoutes(media), oauthRoutes({ store, tokens, grants: new OAuthGrants(), origin: () => media.origin }), appPlatform?.routes];
  const server = await startHttpServer({
    yoga,
    faults,
    log,
    host,
    port: options.port ?? 0,
    routes: async (request, response) => {
      for (const route of routes) if (await route?.(request, response)) return true;
      return false;
    },
    maxBodyBytes: requestLimits.maxBodyBytes,
  });
  media.origin = server.origin;
  if (options.gatewayUrl === true) gatewayUrl = `${server.origin}/gateway`;
  else if (typeof options.gatewayUrl === 'string') gatewayUrl = options.gatewayUrl;
  const app = store.data.apps[0];
  if (!app) throw new Error('tribe-sdk emulator: the data has no app');
  const webhooks = deliverer && startDeliveries(deliverer, store, app.installedNetworkIds, `${server.origin}/graphql`);
  return {
    url: `${server.origin}/graphql`,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    appId: app.id,
    networkId: store.data.network.id,
    memberIds: store.people().map((member) => member.id),
    uninstalledNetworkId: store.data.uninstalledNetworkId,
    store,
    get requests() {
      return log.records;
    },
    requestCount: (operationName) => log.count(operationName),
    injectFault: (rule) => faults.inject(rule),
    revokeTokens: () => tokens.revokeIssued(),
    revokeNextTokens(count) {
      tokens.revokeNextIssued(count);
      return { restore: () => tokens.stopRevokingNext() };
    },
    setRateLimits(next) {
      const previous = limits.ledger;
      limits.ledger = next && new RateLimitLedger(next);
      return { restore: () => void (limits.ledger = previous) };
    },
    rateLimitedCount: () => limits.ledger?.refusedCount() ?? 0,
    setTokenTtl(seconds) {
      const previous = tokens.ttlSeconds;
      tokens.ttlSeconds = seconds;
      return { restore: () => void (tokens.ttlSeconds = previous) };
    },
    setUploadTtl(seconds) {
      const previous = media.ttlSeconds;
      media.ttlSeconds = seconds;
      return { restore: () => void (media.ttlSeconds = previous) };
    },
    media,
    webhooks,
    ...appControls(appPlatform?.platform, server.origin),
    reset() {
      media.ttlSeconds = DEFAULT_UPLOAD_TTL_SECONDS;
      faults.clear();
      deliverer?.reset();
      tokens.stopRevokingNext();
      tokens.ttlSeconds = ttl;
      limits.ledger?.clear();
      log.clear();
    },
    close: () => {
      deliverer?.close();
      appPlatform?.platform.close();
      return server.close();
    },
  };
}
