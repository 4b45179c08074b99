/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A link target the preview may put in `href` or `src`: http(s), or a path (kept on the page's origin); anything else (`javascript:`) is dropped. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\/(?!\/)/.test(value)) return value;
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) ? value : undefined;
}
