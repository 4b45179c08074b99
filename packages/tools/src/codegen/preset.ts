import { TRIBE_DOCUMENTS_PLUGIN, tribePluginLoader } from './plugin-loader.js';

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

/** Options of {@link tribeCodegen}. */
export interface TribeCodegenOptions {
  /** The folder generated files go to (default `src/graphql/`). */
  output?: string;
  /** Also generate client-preset output, `graphql()` and TypedDocumentNodes for `tribe.request`, in `<output>client/` (default true). */
  clientPreset?: boolean;
}

/**
 * The codegen part of an app's graphql-config file: `<output>sdk.ts` with a typed `getSdk` for
 * `createTribeClient({ getSdk })`, and (unless turned off) client-preset output for `tribe.request`,
 * both with the SDK's own scalars and settings. Use it as `extensions: { codegen: tribeCodegen() }`.
 */
export function tribeCodegen(options: TribeCodegenOptions = {}): {
  emitLegacyCommonJSImports: false;
  pluginLoader: typeof tribePluginLoader;
  generates: Record<string, object>;
} {
  const output = (options.output ?? 'src/graphql/').replace(/\/?$/, '/');
  const generates: Record<string, object> = {
    [`${output}sdk.ts`]: { plugins: [...TRIBE_SDK_PLUGINS], config: TRIBE_PLUGIN_CONFIG },
  };
  if (options.clientPreset ?? true) {
    const { scalars, enumsAsTypes, useTypeImports, skipTypename } = TRIBE_PLUGIN_CONFIG;
    generates[`${output}client/`] = {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { scalars, enumsAsTypes, useTypeImports, skipTypename },
    };
  }
  // Under NodeNext, client-preset's imports need their .js extensions.
  return { emitLegacyCommonJSImports: false, pluginLoader: tribePluginLoader, generates };
}
