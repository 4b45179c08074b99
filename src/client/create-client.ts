import { operationCosts as generatedCosts } from '../../generated/costs.js';
import type { AccessToken } from '../auth/access-token.js';
import { TokenSource } from '../auth/token-source.js';
import { fallbackNotice } from '../cluster/fallback-notice.js';
import { coalescingRunner, type CoalesceSettings } from '../coalesce/coalescer.js';
import { TribeAbortError, TribeConfigError } from '../errors.js';
import { RequestBudget } from '../rate-limit/request-budget.js';
import { safeListener } from '../events.js';
import { MESSAGES } from '../messages.js';
import { resolveMemberId } from '../options/auth-options.js';
import { resolveCoalesce, type TribeCoalesceOptions } from '../options/coalesce-options.js';
import { eitherSignal, resolveCall, type ResolvedCall, type TribeCallOptions } from '../options/call-options.js';
import { resolveClientOptions, resolveTokenLookup, type TokenLookupOptions, type TribeClientOptions, type TribeSdk } from '../options/client-options.js';
import { object, text } from '../options/rules.js';
import { ErrorAnswer } from '../transport/error-answer.js';
import { toTribeError } from '../transport/map-error.js';
import { createTransport, expectManyListeners } from '../transport/transport.js';
import { createUploads, type Uploads } from '../uploads/upload-media.js';
import { createGatewayRouter } from './gateway-router.js';
import { housekeeping } from './housekeeping.js';
import { MemberSdks } from './member-sdks.js';
import { appScrubber, mintToken } from './mint.js';
import { createRequestRunner, type RunRequest } from './request-runner.js';
import { checkedSdk } from './checked-sdk.js';
import { sdkClient } from './sdk-client.js';
import { createTokenStore } from './token-store.js';
import { toDocumentNode, type RequestCallOptions, type RequestDocument, type TypedRequest } from './typed-request.js';
import { withBuiltIns, type WithBuiltIns } from './with-built-ins.js';

/** A long-lived client: token cache, single-flight refresh, retries and per-member SDKs. */
export interface TribeClient<TSdk = TribeSdk> extends Uploads {
  /** The typed SDK, acting as the app's bot. */
  readonly sdk: TSdk;
  /**
   * Sends any document (TypedDocumentNode, client-preset `graphql()`, gql.tada, a DocumentNode or a
   * string) through the same tokens, refresh, retries, timeouts, events and errors as the SDK methods;
   * the result and variables are inferred from a typed document, and `{ memberId }` acts as a member.
   */
  readonly request: TypedRequest;
  /** A typed SDK acting as one member; it shares this client's token cache and transport. */
  impersonate(memberId: string): TSdk;
  /**
   * A typed SDK whose calls made in the same tick are merged into one request under a cost cap
   * (default 1 000), each call getting its own data and typed errors; mutations merge only with `mutations: true`.
   */
  batch(options?: TribeCoalesceOptions & { memberId?: string }): TSdk;
  /** A typed SDK with options for the calls made through it, e.g. a signal or `retryMutations`. */
  withOptions(options: TribeCallOptions & { memberId?: string }): TSdk;
  /** The current token (of the bot, or of `memberId`), minted when needed or when `forceRefresh` is set. */
  getAccessToken(options?: TokenLookupOptions): Promise<AccessToken>;
  /**
   * Stops the client: calls in flight end at once with `TribeAbortError`, later calls fail with
   * `TribeConfigError`, the client's connections close and cached tokens of the default cache are dropped.
   */
  close(): void;
}

/**
 * Creates a client; nothing is sent until the first call or {@link TribeClient.getAccessToken}. It
 * wires the pieces: a token source that mints through the chosen exchange, a gateway router, the
 * request runner, and the member SDK cache.
 */
export function createTribeClient<TSdk = TribeSdk>(options: TribeClientOptions<TSdk>): TribeClient<WithBuiltIns<TSdk>> {
  return buildTribeClient(options);
}

/** What a client of another kind of token (a member's OAuth tokens) puts in place of the app's mint. */
export interface TokenMinter {
  /** Where its tokens are kept in the cache, apart from the app's (e.g. `oauth` and the member). */
  keyParts: readonly string[];
  /** Gets a fresh token; `signal` fires when the client closes. */
  mint: (memberId: string | undefined, signal: AbortSignal) => Promise<AccessToken>;
}

/** {@link createTribeClient}, with the app's mint optionally replaced (internal: the OAuth member client uses it). */
export function buildTribeClient<TSdk = TribeSdk>(options: TribeClientOptions<TSdk>, minter?: TokenMinter): TribeClient<WithBuiltIns<TSdk>> {
  const resolved = resolveClientOptions(options);
  const { auth, now } = resolved;
  const onEvent = safeListener(resolved.onEvent);
  // An app's own getSdk adds its operations to the built-in ones.
  const getSdk = withBuiltIns(resolved.getSdk);
  const exchange = createTransport(resolved.transport, true);
  const scrubber = appScrubber(auth, resolved.transport);
  // close() fires this: calls in flight, waits for a mint and waits between retries all end at once.
  const closing = new AbortController();
  const base: ResolvedCall = { ...resolved.call, signal: eitherSignal(resolved.call.signal, closing.signal) };
  for (const shared of [closing.signal, base.signal!]) expectManyListeners(shared);
  const isClosed = (): boolean => closing.signal.aborted;

  const noticeFallback = fallbackNotice(auth.networkId, onEvent);
  // A shared cache that fails must not fail the calls: they go on with tokens of this process.
  const { store, own: ownCache } = createTokenStore(resolved.tokenStorage, now, (fallback) => noticeFallback('token-cache', fallback));
  const costs = { ...generatedCosts, ...resolved.operationCosts };
  const budget =
    resolved.rateLimit &&
    new RequestBudget(
      resolved.rateLimit,
      auth.networkId,
      {
        onWait: (_, operationName, waitMs) => onEvent?.({ type: 'rate-limit-wait', networkId: auth.networkId, operationName, waitMs }),
        onFallbackChange: (_, fallback) => noticeFallback('rate-limit', fallback),
      },
      costs,
    );
  const tokens = new TokenSource({
    store,
    // Longer than one mint attempt; a holder that outlives it may see a second process mint too, which is harmless.
    mintLockTtlMs: base.timeoutMs + 1_000,
    keyParts: [auth.endpoint, auth.clientId, auth.networkId, ...(minter?.keyParts ?? [])],
    networkId: auth.networkId,
    refreshMarginMs: resolved.refreshMarginMs,
    now,
    onEvent,
    // A mint is shared by every caller waiting for it, so no single caller's signal may cancel it; close() does.
    mint: (memberId) =>
      minter ? minter.mint(memberId, closing.signal) : mintToken(auth, memberId, { exchange, call: base, now, onEvent, scrubber }, closing.signal),
  });
  const route = createGatewayRouter(auth.endpoint, resolved.gatewayHosts, onEvent);
  const tidy = housekeeping(now, () => {
    tokens.sweep();
    members.sweep();
  });
  const runnerFor = (call: ResolvedCall): RunRequest =>
    createRequestRunner({ exchange, route, tokens, networkId: auth.networkId, call, onEvent, now, isClosed, scrubber, budget, tidy });
  const direct = runnerFor(base);
  const coalesced = (settings: CoalesceSettings): RunRequest =>
    coalescingRunner(
      {
        run: direct,
        costs,
        errorFor: (errors, data, status, operationName) =>
          toTribeError(new ErrorAnswer(status ?? 200, new Headers(), errors, data), {
            operationName,
            networkId: auth.networkId,
            isMint: false,
            now: now(),
            scrub: scrubber.scrub,
          }),
      },
      settings,
    ) as RunRequest;
  const run = resolved.coalesce ? coalesced(resolved.coalesce) : direct;
  const sdkAs = (runner: RunRequest, memberId: string | undefined): WithBuiltIns<TSdk> => checkedSdk(getSdk(sdkClient(runner, memberId)));
  const members = new MemberSdks((memberId) => sdkAs(run, memberId), now);

  return {
    ...createUploads({ run, fetch: resolved.transport.fetch, timeoutMs: base.timeoutMs, signal: base.signal }),
    sdk: sdkAs(run, undefined),
    request: (async (document: RequestDocument, variables?: unknown, callOptions?: RequestCallOptions) => {
      const { memberId, signal, headers } = object(callOptions, 'options');
      return run(await toDocumentNode(document), variables, { memberId: resolveMemberId(memberId), signal, headers });
    }) as TypedRequest,
    impersonate: (memberId) => members.get(text(memberId, 'memberId')),
    batch(options) {
      const { memberId, ...merge } = object(options, 'options');
      return sdkAs(coalesced(resolveCoalesce(merge, 'options')!), resolveMemberId(memberId));
    },
    withOptions({ memberId, ...call } = {}) {
      return sdkAs(runnerFor(resolveCall(call, base)), resolveMemberId(memberId));
    },
    async getAccessToken(lookup) {
      const { forceRefresh, memberId, signal } = resolveTokenLookup(lookup);
      if (isClosed()) throw new TribeConfigError(MESSAGES.closed);
      const { accessToken, gatewayUrl, expiresAt } = await tokens.get(memberId, {
        forceRefresh,
        signal: eitherSignal(base.signal, signal),
        timeoutMs: base.timeoutMs,
      });
      return { accessToken, gatewayUrl, expiresAt };
    },
    close() {
      if (isClosed()) return;
      closing.abort(new TribeAbortError(MESSAGES.closed));
      members.clear();
      tokens.close();
      ownCache?.clear();
      exchange.close?.();
    },
  };
}
