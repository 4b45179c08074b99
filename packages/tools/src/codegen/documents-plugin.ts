import { createRequire } from 'node:module';
import { join } from 'node:path';
import { addDocumentSources } from './document-sources.js';
import { addDocumentTypes } from './document-types.js';

/** The name of the SDK plugin: typescript-graphql-request's output with each document's text precompiled. */
export const TRIBE_DOCUMENTS_PLUGIN = 'tribe-sdk-graphql-request';

/** A plugin's output: a string, or code with imports to put first. */
type PluginOutput = string | { content: string; prepend?: string[]; append?: string[] };

/** What graphql-codegen loads as a plugin: a `plugin` function and optional hooks. */
interface CodegenPlugin {
  plugin: (...args: unknown[]) => PluginOutput | Promise<PluginOutput>;
}

/**
 * The plugin named {@link TRIBE_DOCUMENTS_PLUGIN}: the project's typescript-graphql-request (resolved from the
 * folder codegen runs in, as graphql-codegen does), with the text of each generated document stored beside its AST and its result and variables types on it.
 */
export function loadDocumentsPlugin(): CodegenPlugin {
  const inner = createRequire(join(process.cwd(), 'codegen.js'))('@graphql-codegen/typescript-graphql-request') as CodegenPlugin;
  const plugin = async (...args: unknown[]): Promise<PluginOutput> => {
    const output = await inner.plugin(...args);
    const precompile = (code: string): string => addDocumentTypes(addDocumentSources(code));
    return typeof output === 'string' ? precompile(output) : { ...output, content: precompile(output.content) };
  };
  return { ...inner, plugin };
}
