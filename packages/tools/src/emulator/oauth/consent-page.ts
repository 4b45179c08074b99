import type { AppRecord, MemberRecord, NetworkRecord } from '../store.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{margin-right:.5rem;padding:.4rem 1rem}';

/** The consent screen: which app asks, a member picker (the emulator has no passwords to type), Allow and Deny. */
export function consentPage(app: AppRecord, network: NetworkRecord, members: MemberRecord[], pageId: string, scopes: string | null): string {
  const options = members.map((member) => `<option value="${escape(member.id)}">${escape(member.name)} (${escape(member.roleType)})</option>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Sign in to ${escape(network.name)}</title><style>${STYLE}</style></head><body>
<h1>Sign in to ${escape(network.name)}</h1>
<p><strong>${escape(app.name ?? app.id)}</strong> wants to act as you in ${escape(network.name)}${scopes ? ` (scopes: ${escape(scopes)})` : ''}.</p>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="request_id" value="${escape(pageId)}">
<label>Sign in as <select name="member_id">${options}</select></label>
<p><button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Deny</button></p>
</form></body></html>`;
}

/** A refusal shown to the member instead of a redirect (the redirect URI or the app cannot be trusted). */
export function errorPage(message: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Sign-in refused</title><style>${STYLE}</style></head><body><h1>Sign-in refused</h1><p id="error">${escape(message)}</p></body></html>`;
}
