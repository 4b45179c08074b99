import { escapeHtml, safeUrl } from './html.js';

/** One block of a slate in the object form, its props and children read from the DTO form's JSON strings too. */
interface PreviewBlock {
  id: string;
  name: string;
  props: Record<string, unknown>;
  children: string[];
}

/** Where a rendered slate's forms post to, and which hidden fields they carry. */
export interface FormTarget {
  /** The form's `action`. */
  action: string;
  /** Hidden fields every form sends (the actor, the surface). */
  hidden: Record<string, string>;
}

/** The form field that carries the button's or form's callback ID. */
export const CALLBACK_FIELD = '__callback';

const MAX_DEPTH = 64;

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The blocks of a slate by ID, from either wire form. */
function slateBlocks(slate: unknown): { root: string; blocks: Map<string, PreviewBlock> } {
  const { rootBlock, blocks } = (slate ?? {}) as { rootBlock?: unknown; blocks?: unknown };
  const byId = new Map<string, PreviewBlock>();
  for (const raw of Array.isArray(blocks) ? (blocks as Array<Record<string, unknown>>) : []) {
    const props = parsed(raw.props);
    const children = parsed(raw.children);
    byId.set(String(raw.id), {
      id: String(raw.id),
      name: String(raw.name),
      props: typeof props === 'object' && props !== null && !Array.isArray(props) ? (props as Record<string, unknown>) : {},
      children: Array.isArray(children) ? children.map(String) : [],
    });
  }
  return { root: String(rootBlock), blocks: byId };
}

function hiddenFields(target: FormTarget, callbackId?: unknown): string {
  const fields = Object.entries(target.hidden).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`);
  if (typeof callbackId === 'string') fields.push(`<input type="hidden" name="__form" value="${escapeHtml(callbackId)}">`);
  return fields.join('');
}

function text(value: unknown): string {
  return typeof value === 'string' ? escapeHtml(value) : '';
}

function helper(props: Record<string, unknown>, id: string): string {
  return typeof props.helperText === 'string' ? `<small id="${id}-help">${escapeHtml(props.helperText)}</small>` : '';
}

function describedBy(props: Record<string, unknown>, id: string): string {
  return typeof props.helperText === 'string' ? ` aria-describedby="${id}-help"` : '';
}

function flag(on: unknown, attribute: string): string {
  return on === true ? ` ${attribute}` : '';
}

/** Renders a valid slate as plain, accessible HTML: real form controls with labels, buttons that post their callback ID. */
export function slateToHtml(slate: unknown, target: FormTarget, idPrefix: string): string {
  const { root, blocks } = slateBlocks(slate);
  const render = (id: string, depth: number, inForm: boolean): string => {
    const block = blocks.get(id);
    if (!block || depth > MAX_DEPTH) return '';
    const { props } = block;
    const domId = escapeHtml(`${idPrefix}-${block.id}`);
    const inner = (nowInForm = inForm): string => block.children.map((child) => render(child, depth + 1, nowInForm)).join('');
    const defaults = (props.defaultValues ?? {}) as Record<string, unknown>;
    switch (block.name) {
      case 'Container':
        return `<div class="container ${escapeHtml(props.direction ?? 'vertical')}" data-block="${escapeHtml(block.id)}">${inner()}</div>`;
      case 'List':
        return `<ul data-block="${escapeHtml(block.id)}">${block.children.map((child) => `<li>${render(child, depth + 1, inForm)}</li>`).join('')}</ul>`;
      case 'Card':
        return `<article class="card" data-block="${escapeHtml(block.id)}">${inner()}</article>`;
      case 'Card.Header':
        return `<header><h3>${text(props.title)}</h3>${typeof props.description === 'string' ? `<p>${escapeHtml(props.description)}</p>` : ''}</header>`;
      case 'Card.Content':
        return `<div class="card-content">${inner()}</div>`;
      case 'Text':
        return `<p>${text(props.value)}</p>`;
      case 'Divider':
        return '<hr>';
      case 'Alert':
        return `<div class="alert ${escapeHtml(props.status ?? 'info')}" role="note"><strong>${text(props.title)}</strong>${typeof props.description === 'string' ? ` ${escapeHtml(props.description)}` : ''}</div>`;
      case 'Image': {
        const src = safeUrl(props.url);
        return src ? `<img src="${escapeHtml(src)}" alt="${text(props.alt)}">` : '';
      }
      case 'Link': {
        const href = safeUrl(props.href);
        if (!href) return `<span>${text(props.text)}</span>`;
        return `<a href="${escapeHtml(href)}"${props.external === true ? ' target="_blank" rel="noopener noreferrer"' : ''}>${text(props.text)}</a>`;
      }
      case 'Form':
        // A form inside a form cannot exist in HTML: its fields join the outer one.
        if (inForm) return `<fieldset>${inner()}</fieldset>`;
        return `<form method="post" action="${escapeHtml(target.action)}" data-block="${escapeHtml(block.id)}">${hiddenFields(target, props.callbackId)}${inner(true)}</form>`;
      case 'Input': {
        const value = props.value ?? defaults[String(props.name)];
        return `<p><label for="${domId}">${text(props.label ?? props.name)}</label> <input id="${domId}" name="${text(props.name)}" type="${escapeHtml(props.type ?? 'text')}"${value === undefined ? '' : ` value="${escapeHtml(value)}"`}${typeof props.placeholder === 'string' ? ` placeholder="${escapeHtml(props.placeholder)}"` : ''}${flag(props.required, 'required')}${flag(props.disabled, 'disabled')}${describedBy(props, domId)}> ${helper(props, domId)}</p>`;
      }
      case 'Select': {
        const selected = props.value ?? defaults[String(props.name)];
        const items = Array.isArray(props.items) ? (props.items as Array<{ value: unknown; text: unknown }>) : [];
        const options = items.map(
          (item) => `<option value="${escapeHtml(item.value)}"${item.value === selected ? ' selected' : ''}>${text(item.text)}</option>`,
        );
        return `<p><label for="${domId}">${text(props.label ?? props.name)}</label> <select id="${domId}" name="${text(props.name)}"${flag(props.required, 'required')}${describedBy(props, domId)}>${options.join('')}</select> ${helper(props, domId)}</p>`;
      }
      case 'Toggle': {
        const checked = props.checked ?? defaults[String(props.name)];
        return `<p><input type="checkbox" id="${domId}" name="${text(props.name)}" value="true"${flag(checked, 'checked')}${flag(props.disabled, 'disabled')}${describedBy(props, domId)}> <label for="${domId}">${text(props.label ?? props.name)}</label> ${helper(props, domId)}</p>`;
      }
      case 'Button': {
        const callback = typeof props.callbackId === 'string' ? ` name="${CALLBACK_FIELD}" value="${escapeHtml(props.callbackId)}"` : '';
        const submits = props.type === 'submit' || callback !== '';
        const button = `<button type="${submits ? 'submit' : 'button'}"${callback}${flag(props.disabled, 'disabled')} class="${escapeHtml(props.variant ?? 'secondary')}">${text(props.text)}</button>`;
        // A button outside a form posts its callback through a form of its own.
        if (inForm || callback === '') return button;
        return `<form method="post" action="${escapeHtml(target.action)}" class="button-form">${hiddenFields(target)}${button}</form>`;
      }
      default:
        return `<div data-component="${escapeHtml(block.name)}">${inner()}</div>`;
    }
  };
  return render(root, 0, false);
}

/** The names of a slate's Toggles and number Inputs: a form posts text, the platform sends booleans and numbers. */
export function typedFieldNames(slate: unknown): { toggles: Set<string>; numbers: Set<string> } {
  const toggles = new Set<string>();
  const numbers = new Set<string>();
  for (const block of slateBlocks(slate).blocks.values()) {
    if (block.name === 'Toggle' && typeof block.props.name === 'string') toggles.add(block.props.name);
    if (block.name === 'Input' && block.props.type === 'number' && typeof block.props.name === 'string') numbers.add(block.props.name);
  }
  return { toggles, numbers };
}
