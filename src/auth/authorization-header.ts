/** Encodes bytes as base64 with web-standard APIs only. */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `Authorization` value for HTTP Basic auth: `Basic base64(utf8(clientId:clientSecret))`. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${bytesToBase64(new TextEncoder().encode(`${clientId}:${clientSecret}`))}`;
}

/** The `Authorization` value for a bearer token. */
export function bearerAuthorization(accessToken: string): string {
  return `Bearer ${accessToken}`;
}
