import type { IGraphQLProject } from 'graphql-config';
import codegen from './codegen.js';

const { schema, documents } = codegen;
// Editors need plain paths or globs; codegen's richer loader forms would not reach them.
if (typeof schema !== 'string' || typeof documents !== 'string') {
  throw new Error('graphql.config.ts: codegen.ts must name its schema and documents as a path or glob');
}

/**
 * The editor's view of the project (VS Code's GraphQL extension, @graphql-eslint and every tool
 * built on graphql-config): the schema and the documents come from codegen.ts, never written twice.
 */
const config: IGraphQLProject = { schema, documents, extensions: { codegen } };

export default config;
