import type { CachedToken } from '../auth/token-cache.js';

/** The longest stored value read back; anything longer is not a token of ours. */
const MAX_VALUE_LENGTH = 16_384;

/** The stored form of a token: JSON with a version, so that a later format is told apart. */
export function encodeToken(token: CachedToken): string {
  const { accessToken, mintedAt, expiresAt, gatewayUrl } = token;
  return JSON.stringify({ v: 1, accessToken, mintedAt, expiresAt, gatewayUrl });
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Reads a stored value back; anything that is not a well-formed token of ours is a miss (undefined). */
export function decodeToken(value: unknown): CachedToken | undefined {
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { v, accessToken, mintedAt, expiresAt, gatewayUrl } = parsed as Record<string, unknown>;
  if (v !== 1 || typeof accessToken !== 'string' || !/^[\x21-\x7e]+$/.test(accessToken) || !isTime(mintedAt)) return undefined;
  if (expiresAt !== undefined && !isTime(expiresAt)) return undefined;
  if (gatewayUrl !== undefined && typeof gatewayUrl !== 'string') return undefined;
  return { accessToken, mintedAt, expiresAt, gatewayUrl };
}
