import { headers as checkHeaders } from '../options/rules.js';

/**
 * The generated SDK with each method's per-call headers checked before the call: a generated method
 * spreads them into a new object, so a `Map` or `Headers` would arrive as `{}` and the request go out
 * without them. Such headers are a `TribeConfigError` (a rejected promise), with nothing sent.
 */
export function checkedSdk<TSdk>(sdk: TSdk): TSdk {
  if (typeof sdk !== 'object' || sdk === null) return sdk;
  const checked: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(sdk)) {
    if (typeof method !== 'function') {
      checked[name] = method;
      continue;
    }
    checked[name] = (variables: unknown, requestHeaders: unknown, signal: unknown): unknown => {
      if (requestHeaders !== undefined) {
        try {
          checkHeaders(requestHeaders, 'requestHeaders');
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return (method as (...args: unknown[]) => unknown)(variables, requestHeaders, signal);
    };
  }
  return checked as TSdk;
}
