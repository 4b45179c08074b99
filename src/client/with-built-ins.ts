import { getSdk as getGeneratedSdk } from '../../generated/sdk.js';
import type { GetSdk, TribeSdk } from '../options/client-options.js';

/** The SDK of a client given its own `getSdk`: the built-in operations, with the app's own beside them (an own one of the same name wins). */
export type WithBuiltIns<TSdk> = Omit<TribeSdk, keyof TSdk> & TSdk;

/** A `getSdk` that makes the built-in SDK and the app's own one (if given) into one object. */
export function withBuiltIns<TSdk>(own: GetSdk<TSdk> | undefined): GetSdk<WithBuiltIns<TSdk>> {
  if (own === undefined) return getGeneratedSdk as unknown as GetSdk<WithBuiltIns<TSdk>>;
  return (client, wrapper) => ({ ...getGeneratedSdk(client, wrapper), ...own(client, wrapper) });
}
