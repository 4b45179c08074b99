#!/usr/bin/env node
// In a development checkout (src/ and tsx present) runs the TypeScript source, so a stale dist/ is never
// used by mistake; an installed package ships no src/ and runs the built dist/.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);

function canLoadTsx() {
  try {
    import.meta.resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

// Resolving with the `tribe-sdk-source` condition makes package.json's `imports` point at src/ instead of dist/.
const SOURCE_CONDITION_HOOK = `export function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, 'tribe-sdk-source'] });
}`;

if (existsSync(source) && canLoadTsx()) {
  const { register: registerTsx } = await import('tsx/esm/api');
  // The repository's tsconfig maps tribe-sdk to its source, wherever the command runs from.
  registerTsx({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
  register(`data:text/javascript,${encodeURIComponent(SOURCE_CONDITION_HOOK)}`);
  await import(source.href);
} else {
  await import(new URL('../dist/src/cli/main.js', import.meta.url).href);
}
