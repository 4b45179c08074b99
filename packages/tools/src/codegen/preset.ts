import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as costsPlugin from './cost-plugin.js';
import { TRIBE_COSTS_PLUGIN } from './cost-plugin.js';
import { loadDocumentsPlugin, TRIBE_DOCUMENTS_PLUGIN } from './documents-plugin.js';

/** The plugin config of the SDK's own codegen, shared by this repository and every app that uses the preset. */
export const TRIBE_PLUGIN_CONFIG = {
  documentMode: 'documentNode',
  scalars: { DateTime: 'string', Upload: 'unknown', ID: 'string' },
  enumsAsTypes: true,
  useTypeImports: true,
  avoidOptionals: false,
  immutableTypes: false,
  skipTypename: true,
  dedupeFragments: true,
  rawRequest: false,
} as const;

/**
 * The plugins that make a `getSdk` for `createTribeClient({ getSdk })`: typescript-graphql-request with each
 * document's text stored beside it, so no bundle needs graphql's printer. Needs `pluginLoader: tribePluginLoader`.
 */
export const TRIBE_SDK_PLUGINS = ['typescript-operations', TRIBE_DOCUMENTS_PLUGIN] as const;

/**
 * graphql-codegen's `pluginLoader` that also knows {@link TRIBE_COSTS_PLUGIN} and {@link TRIBE_DOCUMENTS_PLUGIN}; any other plugin is
 * resolved from the project's folder, as graphql-codegen does by default.
 */
export async function tribePluginLoader(name: string): Promise<unknown> {
  if (name === TRIBE_COSTS_PLUGIN) return costsPlugin;
  if (name === TRIBE_DOCUMENTS_PLUGIN) return loadDocumentsPlugin();
  const resolved = createRequire(join(process.cwd(), 'codegen.js')).resolve(name);
  return import(pathToFileURL(resolved).href);
}

/** Options of {@link tribeCodegen}. */
export interface TribeCodegenOptions {
  /** The folder generated files go to (default `src/graphql/`). */
  output?: string;
  /** Also generate client-preset output, `graphql()` and TypedDocumentNodes for `tribe.request`, in `<output>client/` (default true). */
  clientPreset?: boolean;
}

/**
 * The codegen part of an app's graphql-config file: `<output>sdk.ts` with a typed `getSdk` for
 * `createTribeClient({ getSdk })`, `<output>costs.ts` with each operation's static cost for
 * `createTribeClient({ operationCosts })`, and (unless turned off) client-preset output for `tribe.request`,
 * both with the SDK's own scalars and settings. Use it as `extensions: { codegen: tribeCodegen() }`.
 */
export function tribeCodegen(options: TribeCodegenOptions = {}): {
  emitLegacyCommonJSImports: false;
  pluginLoader: typeof tribePluginLoader;
  generates: Record<string, object>;
} {
  const output = (options.output ?? 'src/graphql/').replace(/\/?$/, '/');
  // graphql-codegen does not read graphql-config's `exclude`: each output leaves the generated folder out itself.
  const notOutput = [`!${output}**`];
  const generates: Record<string, object> = {
    [`${output}sdk.ts`]: { documents: notOutput, plugins: [...TRIBE_SDK_PLUGINS], config: TRIBE_PLUGIN_CONFIG },
    [`${output}costs.ts`]: { documents: notOutput, plugins: [TRIBE_COSTS_PLUGIN] },
  };
  if (options.clientPreset ?? true) {
    const { scalars, enumsAsTypes, useTypeImports, skipTypename } = TRIBE_PLUGIN_CONFIG;
    generates[`${output}client/`] = {
      documents: notOutput,
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { scalars, enumsAsTypes, useTypeImports, skipTypename },
    };
  }
  // Under NodeNext, client-preset's imports need their .js extensions.
  return { emitLegacyCommonJSImports: false, pluginLoader: tribePluginLoader, generates };
}
