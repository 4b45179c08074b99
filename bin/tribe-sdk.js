#!/usr/bin/env node
// In a development checkout (src/ and tsx present) runs the TypeScript source, so a stale dist/ is never
// used by mistake; an installed package ships no src/ and runs the built dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);

function canLoadTsx() {
  try {
    import.meta.resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && canLoadTsx()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/src/cli/main.js', import.meta.url).href);
}
