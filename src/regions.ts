import { BETTERMODE_EU_ENDPOINT, BETTERMODE_US_ENDPOINT } from './constants.js';

/** The platform's regions and the API endpoint of each. */
export const TRIBE_REGION_ENDPOINTS = {
  us: BETTERMODE_US_ENDPOINT,
  eu: BETTERMODE_EU_ENDPOINT,
} as const;

/** A region a community is hosted in: `us` (api.bettermode.com) or `eu` (api.bettermode.de). */
export type TribeRegion = keyof typeof TRIBE_REGION_ENDPOINTS;

/** Whether a value names a region. */
export function isTribeRegion(value: unknown): value is TribeRegion {
  return typeof value === 'string' && Object.hasOwn(TRIBE_REGION_ENDPOINTS, value);
}
