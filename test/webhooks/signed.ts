import { createHmac } from 'node:crypto';

/** Signs like the platform does, with node:crypto, independently of the SDK's WebCrypto code: hex HMAC-SHA256 of `<timestamp>:<body>`. */
export function platformSign(body: string | Uint8Array, secret: string, timestamp = Date.now(), prefix = 'x-bettermode'): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`${timestamp}:`).update(body).digest('hex');
  return { 'content-type': 'application/json', [`${prefix}-signature`]: signature, [`${prefix}-request-timestamp`]: String(timestamp) };
}

/** A `SUBSCRIPTION` envelope as the platform sends it. */
export function subscriptionBody(
  name: string,
  id = `Evt${Math.random().toString(36).slice(2)}`,
  object: Record<string, unknown> = { id: 'Pst0000001', title: 'Hello' },
): string {
  return JSON.stringify({
    type: 'SUBSCRIPTION',
    networkId: 'NetAcme001',
    context: 'NETWORK',
    entityId: 'NetAcme001',
    currentSettings: [],
    data: {
      id,
      time: '2026-01-05T09:00:00.000Z',
      name,
      noun: 'POST',
      verb: 'PUBLISHED',
      verbAction: 'PUBLISHED',
      actor: { id: 'MbrLinusT3', roleId: 'RoleMember', roleType: 'member' },
      object,
      target: { networkId: 'NetAcme001' },
      shortDescription: 'x',
    },
    entities: {},
  });
}

/** Everything a caller could see of an error: its message, its JSON, and what util.inspect prints. */
export async function errorViews(error: unknown): Promise<string> {
  const { inspect } = await import('node:util');
  return `${error instanceof Error ? error.message : String(error)}\n${JSON.stringify(error)}\n${inspect(error, { depth: 10, showHidden: true })}`;
}
