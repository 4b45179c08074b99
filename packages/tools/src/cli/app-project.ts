import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from 'graphql-config';
import { TribeConfigError } from 'tribe-sdk';
import { SHIPPED_SCHEMA_PATH } from '../shipped-schema.js';

export { SHIPPED_SCHEMA_PATH };

/** Where an app keeps its own pulled snapshot. */
export const APP_SCHEMA_PATH = 'schema/tribe.graphql';

/** The schema and documents of a project, and where they were read from. */
export interface AppProject {
  schemaPath: string;
  documents: string[];
  /** `graphql-config` when a config file named them, `defaults` otherwise. */
  from: 'graphql-config' | 'defaults';
}

function asList(value: unknown, what: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === 'string')) {
    throw new TribeConfigError(`tribe-sdk: the graphql-config ${what} must be paths or globs, not loader objects`);
  }
  return list as string[];
}

/**
 * The project `tribe-sdk schema validate` and `schema pull` work on: the default project of the
 * graphql-config file in `cwd` (the one the editor and graphql-codegen read), or without one, the
 * app's `schema/tribe.graphql` (else the shipped snapshot) and its documents (`operations/`, else `src/`).
 */
export async function loadAppProject(cwd: string): Promise<AppProject> {
  let config;
  try {
    config = await loadConfig({ rootDir: cwd, throwOnMissing: false, throwOnEmpty: false });
  } catch (error) {
    throw new TribeConfigError(`tribe-sdk: cannot read the graphql-config file in ${cwd}: ${(error as Error).message.split('\n')[0]}`);
  }
  const project = config?.getDefault();
  const localSchema = existsSync(join(cwd, APP_SCHEMA_PATH)) ? APP_SCHEMA_PATH : SHIPPED_SCHEMA_PATH;
  const defaultDocuments = existsSync(join(cwd, 'operations')) ? ['operations/**/*.{graphql,gql}'] : ['src/**/*.{graphql,gql,ts,tsx}', '!src/**/*.d.ts'];
  if (!project) return { schemaPath: localSchema, documents: defaultDocuments, from: 'defaults' };
  const schemas = project.schema === undefined ? [localSchema] : asList(project.schema, 'schema');
  if (schemas.length !== 1) throw new TribeConfigError('tribe-sdk: the graphql-config project must name one schema file');
  const excluded = project.exclude === undefined ? [] : asList(project.exclude, 'exclude').map((pattern) => `!${pattern}`);
  return {
    schemaPath: schemas[0]!,
    documents: [...(project.documents === undefined ? defaultDocuments : asList(project.documents, 'documents')), ...excluded],
    from: 'graphql-config',
  };
}
