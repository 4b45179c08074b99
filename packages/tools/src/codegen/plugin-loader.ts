import { createRequire } from 'node:module';
import { join } from 'node:path';
import { addDocumentSources } from './document-sources.js';

/** The name of the SDK plugin: typescript-graphql-request's output with each document's text precompiled. */
export const TRIBE_DOCUMENTS_PLUGIN = 'tribe-sdk-graphql-request';

/** A plugin's output: a string, or code with imports to put first. */
type PluginOutput = string | { content: string; prepend?: string[]; append?: string[] };

/** What graphql-codegen loads as a plugin: a `plugin` function and optional hooks. */
export interface CodegenPlugin {
  plugin: (...args: unknown[]) => PluginOutput | Promise<PluginOutput>;
}

// Resolved from the project codegen runs in, as graphql-codegen's own loader does.
const requireFromProject = (name: string): unknown => createRequire(join(process.cwd(), 'package.json'))(name);

/** typescript-graphql-request with the text of each generated document stored beside its AST. */
function withDocumentSources(inner: CodegenPlugin): CodegenPlugin {
  const plugin = async (...args: unknown[]): Promise<PluginOutput> => {
    const output = await inner.plugin(...args);
    return typeof output === 'string' ? addDocumentSources(output) : { ...output, content: addDocumentSources(output.content) };
  };
  return { ...inner, plugin };
}

/**
 * graphql-codegen's `pluginLoader`: loads {@link TRIBE_DOCUMENTS_PLUGIN} from this package and every
 * other plugin from the project, the way graphql-codegen would.
 */
export async function tribePluginLoader(name: string): Promise<CodegenPlugin> {
  if (name === TRIBE_DOCUMENTS_PLUGIN) return withDocumentSources(requireFromProject('@graphql-codegen/typescript-graphql-request') as CodegenPlugin);
  return requireFromProject(name) as CodegenPlugin;
}
