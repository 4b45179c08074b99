/** The headers a delivery is signed with, newest names first: Bettermode's, then the Tribe-era ones apps still get. */
export const SIGNATURE_HEADERS = ['x-bettermode-signature', 'x-tribe-signature'] as const;

/** The headers carrying the signing time in epoch milliseconds, in the same order as {@link SIGNATURE_HEADERS}. */
export const TIMESTAMP_HEADERS = ['x-bettermode-request-timestamp', 'x-tribe-request-timestamp'] as const;

/** Request headers as the web (`Headers`) or Node (`IncomingHttpHeaders`, lower-case keys) hands them over. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** One header's value, case-insensitively; a repeated header counts as absent, since it cannot be one signature. */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : undefined;
}

/** The first of several alternative headers that is present. */
export function readFirstHeader(headers: WebhookHeaders, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = readHeader(headers, name);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}
