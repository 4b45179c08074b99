/** The codegen preset for apps: `tribeCodegen()` in the `codegen` extension of a graphql-config file. */
export { TRIBE_PLUGIN_CONFIG, TRIBE_SDK_PLUGINS, tribeCodegen, type TribeCodegenOptions } from './preset.js';
export { TRIBE_DOCUMENTS_PLUGIN, tribePluginLoader } from './plugin-loader.js';
