import { escapeHtml, safeUrl } from './html.js';
import type { AnswerEffects, BlockSession } from './preview-session.js';
import { slateToHtml, type FormTarget } from './slate-html.js';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
.toast{border-left:4px solid #555;padding:.5rem 1rem;margin:1rem 0;background:#f3f3f6}.toast.SUCCESS{border-color:#1a7f37}.toast.ERROR{border-color:#cf222e}
.toast.WARNING{border-color:#bf8700}.problems,.failure{border:2px solid #cf222e;padding:.5rem 1rem}.block{border:1px dashed #888;padding:1rem}
.card{border:1px solid #ccc;border-radius:8px;padding:1rem}.container.horizontal{display:flex;gap:1rem}.button-form{display:inline}
dialog{border:1px solid #444;border-radius:8px;max-width:40rem}button{font:inherit;padding:.25rem .75rem}label{font-weight:600}`;

/** The page's frame: a title, the navigation between the app's blocks and the member acting. */
export interface PageFrame {
  block: string;
  actor: string;
  blocks: readonly string[];
  members: ReadonlyArray<{ id: string; name: string }>;
}

function navigation(frame: PageFrame): string {
  const links = frame.blocks.map(
    (key) =>
      `<li><a href="/preview/blocks/${encodeURIComponent(key)}?actor=${encodeURIComponent(frame.actor)}"${key === frame.block ? ' aria-current="page"' : ''}>${escapeHtml(key)}</a></li>`,
  );
  const members = frame.members.map(
    (member) => `<option value="${escapeHtml(member.id)}"${member.id === frame.actor ? ' selected' : ''}>${escapeHtml(member.name)}</option>`,
  );
  return `<nav aria-label="Blocks"><ul>${links.join('')}</ul></nav>
<form method="get" action="/preview/blocks/${encodeURIComponent(frame.block)}"><label for="actor">Acting as</label> <select id="actor" name="actor">${members.join('')}</select> <button type="submit">Load the block</button></form>`;
}

function effectsHtml(effects: AnswerEffects | undefined): string {
  if (!effects) return '';
  const parts: string[] = [];
  if (effects.problems.length > 0)
    parts.push(
      `<div class="problems" role="alert"><h2>The app's answer is invalid</h2><ul>${effects.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul></div>`,
    );
  if (effects.failure)
    parts.push(
      `<div class="failure" role="alert"><h2>The app refused</h2><p>${escapeHtml(effects.failure.errorMessage)} (error code ${escapeHtml(effects.failure.errorCode)})</p></div>`,
    );
  for (const toast of effects.toasts)
    parts.push(
      `<div class="toast ${escapeHtml(toast.status)}" role="status"><strong>${escapeHtml(toast.title)}</strong>${toast.description ? ` ${escapeHtml(toast.description)}` : ''}</div>`,
    );
  if (effects.redirect) {
    const href = safeUrl(effects.redirect.url);
    const link = href ? `<a href="${escapeHtml(href)}">${escapeHtml(effects.redirect.url)}</a>` : escapeHtml(effects.redirect.url);
    parts.push(`<p class="redirect" role="status">The app redirects the member${effects.redirect.external ? ' out of the community' : ''} to ${link}</p>`);
  }
  for (const data of effects.data)
    parts.push(`<details><summary>Data for the block</summary><pre>${escapeHtml(JSON.stringify(data, null, 2))}</pre></details>`);
  return parts.join('\n');
}

/** The preview page of one block: the answer's effects, the block's slate, and the modal over it. */
export function previewPage(frame: PageFrame, session: BlockSession, effects: AnswerEffects | undefined): string {
  const action = `/preview/blocks/${encodeURIComponent(frame.block)}`;
  const target = (surface: string): FormTarget => ({ action, hidden: { __actor: frame.actor, __surface: surface } });
  const block = session.slate === undefined ? '<p>The app showed nothing.</p>' : slateToHtml(session.slate, target('block'), 'block');
  const modal = session.modal
    ? `<dialog open aria-modal="true" aria-labelledby="modal-title"><h2 id="modal-title">${escapeHtml(session.modal.title)}</h2>${session.modal.description ? `<p>${escapeHtml(session.modal.description)}</p>` : ''}
${slateToHtml(session.modal.slate, target('modal'), 'modal')}
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="__actor" value="${escapeHtml(frame.actor)}"><button type="submit" name="__close" value="true">Close</button></form></dialog>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(frame.block)}: tribe-sdk block preview</title><style>${STYLE}</style></head>
<body><header><h1>Block <code>${escapeHtml(frame.block)}</code></h1>${navigation(frame)}</header>
<main>
${effectsHtml(effects)}
<section class="block" aria-label="The block ${escapeHtml(frame.block)}">${block}</section>
${modal}
</main></body></html>`;
}

/** The preview's start page: the app's blocks, each a link. */
export function previewIndex(blocks: readonly string[]): string {
  const links = blocks.map((key) => `<li><a href="/preview/blocks/${encodeURIComponent(key)}">${escapeHtml(key)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tribe-sdk block preview</title><style>${STYLE}</style></head>
<body><main><h1>The app's blocks</h1><ul>${links}</ul></main></body></html>`;
}
