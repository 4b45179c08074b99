/**
 * Answers the emulator's consent page over plain HTTP, as a browser would (the Chromium test in
 * oauth.test.ts drives the real page): reads the page's request ID, picks the member, allows, and
 * resolves to the callback URL the emulator redirects to.
 */
export async function consentOverHttp(authorizeUrl: string, memberId: string): Promise<string> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
  if (!requestId) throw new Error(`no consent form (HTTP ${page.status})`);
  const form = new URLSearchParams({ request_id: requestId, member_id: memberId, decision: 'allow' });
  const answer = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`no redirect after consent (HTTP ${answer.status})`);
  return location;
}
