import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { APP_SCHEMA_PATH } from './app-project.js';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  parse,
  printSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { createTokenRequest, DEFAULT_ENDPOINT, mintAccessToken, TribeConfigError, type AccessToken } from 'tribe-sdk';

/** Credentials for introspecting a live endpoint: a ready bearer token or app credentials. */
export type IntrospectionAuth = { accessToken: string } | { clientId: string; clientSecret: string; networkId: string };

/** Prints a schema sorted by name, so that snapshots diff cleanly. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** Builds a schema from SDL text or from an introspection result (`{ data: { __schema } }` or `{ __schema }`). */
export function schemaFromText(text: string): GraphQLSchema {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return buildSchema(text);
  const json = JSON.parse(text) as { data?: IntrospectionQuery } & Partial<IntrospectionQuery>;
  const introspection = json.data ?? json;
  if (!introspection.__schema) {
    throw new TribeConfigError('tribe-sdk: the JSON file holds no introspection result (__schema is missing)');
  }
  return buildClientSchema(introspection as IntrospectionQuery);
}

/** The standard introspection query, with descriptions, parsed once. */
const INTROSPECTION_QUERY = parse(getIntrospectionQuery({ descriptions: true }));

/** Runs the standard introspection query against a live endpoint and returns the schema; failures are TribeErrors. */
export async function introspectEndpoint(endpoint: string, auth: IntrospectionAuth, fetchImpl?: typeof fetch): Promise<GraphQLSchema> {
  const token: AccessToken = 'accessToken' in auth ? auth : await mintAccessToken({ ...auth, endpoint, fetch: fetchImpl });
  const networkId = 'networkId' in auth ? auth.networkId : "the token's network";
  const request = createTokenRequest(token, { endpoint, networkId, fetch: fetchImpl });
  return buildClientSchema(await request<IntrospectionQuery>(INTROSPECTION_QUERY));
}

/** Loads a schema from a local file (SDL or introspection JSON) or from an http(s) endpoint. */
export async function loadSchema(from: string, auth: () => IntrospectionAuth, fetchImpl?: typeof fetch): Promise<GraphQLSchema> {
  if (/^https?:\/\//i.test(from)) return introspectEndpoint(from, auth(), fetchImpl);
  return schemaFromText(await readFile(from, 'utf8'));
}

/** Reads introspection credentials from the environment: `TRIBE_ACCESS_TOKEN`, or the client trio. */
export function authFromEnvironment(env: Record<string, string | undefined>): IntrospectionAuth {
  if (env.TRIBE_ACCESS_TOKEN) return { accessToken: env.TRIBE_ACCESS_TOKEN };
  const { TRIBE_CLIENT_ID: clientId, TRIBE_CLIENT_SECRET: clientSecret, TRIBE_NETWORK_ID: networkId } = env;
  if (clientId && clientSecret && networkId) return { clientId, clientSecret, networkId };
  throw new TribeConfigError('tribe-sdk: set TRIBE_ACCESS_TOKEN, or TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET and TRIBE_NETWORK_ID, to introspect an endpoint');
}

/** Options of {@link pullSchema}. */
export interface PullSchemaOptions {
  /** A file path or an endpoint URL; defaults to `TRIBE_API_URL` or the SDK's default endpoint. */
  from?: string;
  /** Where to write the sorted SDL; missing folders are made. */
  out?: string;
  /** The snapshot to compare with when `out` does not exist yet (default: none). */
  previousFrom?: string;
  /** The environment to read credentials from. */
  env: Record<string, string | undefined>;
  /** Decides, given the previous and the new snapshot, whether to write the new one (default: always). */
  accept?: (previous: string | undefined, next: string) => boolean | Promise<boolean>;
}

/** Loads a schema, writes its sorted SDL unless `accept` declines, and returns the previous and the new text. */
export async function pullSchema(options: PullSchemaOptions): Promise<{ previous: string | undefined; next: string; written: boolean }> {
  const from = options.from ?? options.env.TRIBE_API_URL ?? DEFAULT_ENDPOINT;
  const out = options.out ?? APP_SCHEMA_PATH;
  const schema = await loadSchema(from, () => authFromEnvironment(options.env));
  const previous =
    (await readFile(out, 'utf8').catch(() => undefined)) ??
    (options.previousFrom ? await readFile(options.previousFrom, 'utf8').catch(() => undefined) : undefined);
  const next = printSortedSchema(schema);
  const written = (await options.accept?.(previous, next)) ?? true;
  if (written) {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, next);
  }
  return { previous, next, written };
}
