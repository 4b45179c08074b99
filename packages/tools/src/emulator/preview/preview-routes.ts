import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppInteractionInput, AppPlatform } from '../app-platform/app-platform.js';
import type { EmulatorStore } from '../store.js';
import { previewIndex, previewPage } from './preview-page.js';
import { applyAnswer, PreviewSessions, type AnswerEffects, type Surface } from './preview-session.js';
import { CALLBACK_FIELD, typedFieldNames } from './slate-html.js';

const MAX_BODY_BYTES = 64 * 1024;
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;
// Inline styles only: no script runs on the page, forms post only here, images only from http(s).
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; form-action 'self'; frame-ancestors 'none'",
  'cache-control': 'no-store',
};

/** The body of a request, refused past 64 KiB. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    length += (chunk as Buffer).length;
    if (length > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Only this machine's pages may drive the app: a loopback Host (no DNS rebinding), and a POST from the page's own
 * origin or from a program (no Origin), never a cross-site form.
 */
function fromThisMachine(request: IncomingMessage): boolean {
  const host = request.headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return false;
  if (request.method !== 'POST') return true;
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  return (origin === undefined || origin === `http://${host}`) && (site === undefined || site === 'same-origin' || site === 'none');
}

/** The form's values as the platform sends `inputs`: Toggles as booleans (unchecked: false), number Inputs as numbers. */
function inputsOf(form: URLSearchParams, slate: unknown): Record<string, unknown> {
  const { toggles, numbers } = typedFieldNames(slate);
  const inputs: Record<string, unknown> = {};
  for (const [name, value] of form) {
    if (name.startsWith('__')) continue;
    inputs[name] = numbers.has(name) && value !== '' ? Number(value) : value;
  }
  for (const name of toggles) inputs[name] = form.get(name) === 'true';
  return inputs;
}

/** The block key in `/preview/blocks/<key>`, or undefined. */
function blockOf(path: string): string | undefined {
  const match = /^\/preview\/blocks\/([^/]+)$/.exec(path);
  try {
    return match ? decodeURIComponent(match[1]!) : undefined;
  } catch {
    return undefined;
  }
}

/** Serves the block preview (`/preview`, `/preview/blocks/<key>`) and the interaction endpoint the CLI calls (`POST /app/interact`). */
export function previewRoutes(platform: AppPlatform, store: EmulatorStore): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const sessions = new PreviewSessions();
  const blocks = [...platform.app.dynamicBlocks];
  const members = () => store.people().map((member) => ({ id: member.id, name: member.name }));

  const load = async (block: string, actor: string, surface: Surface = 'block'): Promise<AnswerEffects> => {
    const session = sessions.get(block, actor);
    const result = await platform.interact({ block, actor });
    session.modal = undefined;
    session.slate = undefined;
    return applyAnswer(session, result, surface, block);
  };

  const callback = async (block: string, form: URLSearchParams): Promise<{ actor: string; effects: AnswerEffects | undefined }> => {
    const actor = form.get('__actor') ?? '';
    const session = sessions.get(block, actor);
    if (form.get('__close') === 'true') {
      session.modal = undefined;
      return { actor, effects: undefined };
    }
    const surface: Surface = form.get('__surface') === 'modal' && session.modal ? 'modal' : 'block';
    const shown = surface === 'modal' ? session.modal!.slate : session.slate;
    const callbackId = form.get(CALLBACK_FIELD) || form.get('__form') || undefined;
    const result = await platform.interact({ block, actor, callbackId, inputs: inputsOf(form, shown) });
    const effects = applyAnswer(session, result, surface, block);
    if (!effects.reload) return { actor, effects };
    const reloaded = await load(block, actor);
    return { actor, effects: { ...effects, problems: [...effects.problems, ...reloaded.problems] } };
  };

  const page = async (request: IncomingMessage, url: URL, block: string): Promise<string> => {
    if (request.method === 'POST') {
      const body = await readBody(request);
      if (body === undefined) throw new RangeError('the form is larger than 64 KiB');
      const { actor, effects } = await callback(block, new URLSearchParams(body));
      return previewPage({ block, actor, blocks, members: members() }, sessions.get(block, actor), effects);
    }
    const actor = url.searchParams.get('actor') ?? members()[0]?.id ?? '';
    const effects = await load(block, actor);
    return previewPage({ block, actor, blocks, members: members() }, sessions.get(block, actor), effects);
  };

  const interactEndpoint = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = request.headers['content-type']?.startsWith('application/json') ? await readBody(request) : undefined;
    let input: AppInteractionInput;
    try {
      input = JSON.parse(body ?? 'null') as AppInteractionInput;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError('not an object');
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('tribe-sdk emulator: POST /app/interact takes a JSON object (at most 64 KiB)');
      return;
    }
    const result = await platform.interact(input).catch((error: unknown) => error as Error);
    const status = result instanceof Error ? 400 : 200;
    const answer = result instanceof Error ? { error: result.message } : result;
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  };

  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const isPreview = url.pathname === '/preview' || url.pathname.startsWith('/preview/');
    if (!isPreview && url.pathname !== '/app/interact') return false;
    if (!fromThisMachine(request)) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('tribe-sdk emulator: the preview answers only pages of this machine');
      return true;
    }
    if (url.pathname === '/app/interact') {
      if (request.method !== 'POST') response.writeHead(405, { allow: 'POST' }).end();
      else await interactEndpoint(request, response);
      return true;
    }
    if (url.pathname === '/preview' || url.pathname === '/preview/') {
      response.writeHead(200, PAGE_HEADERS).end(previewIndex(blocks));
      return true;
    }
    const block = blockOf(url.pathname);
    if (block === undefined || !platform.app.dynamicBlocks.has(block)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('tribe-sdk emulator: no such block; see /preview');
      return true;
    }
    try {
      response.writeHead(200, PAGE_HEADERS).end(await page(request, url, block));
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(`tribe-sdk emulator: ${(error as Error).message}`);
    }
    return true;
  };
}
