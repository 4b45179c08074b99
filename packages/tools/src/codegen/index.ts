/** The codegen preset for apps: `tribeCodegen()` in the `codegen` extension of a graphql-config file. */
export { TRIBE_PLUGIN_CONFIG, TRIBE_SDK_PLUGINS, tribeCodegen, tribePluginLoader, type TribeCodegenOptions } from './preset.js';
/** The plugin that writes each operation's static cost, and the functions it is made of. */
export { TRIBE_COSTS_PLUGIN, operationCostsOf } from './cost-plugin.js';
/** An operation's complexity by Tribe's documented rules, and its printed form. */
export { formatStaticCost, operationStaticCost } from './static-cost.js';
/** The plugin behind TRIBE_SDK_PLUGINS: typescript-graphql-request with each document's text stored beside it. */
export { TRIBE_DOCUMENTS_PLUGIN } from './documents-plugin.js';
