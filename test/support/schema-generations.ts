import { fileURLToPath } from 'node:url';

/** The 2023 generation: the schema the official client @tribeplatform/gql-client 2.4.0 ships (a devDependency). */
export const OFFICIAL_CLIENT_SCHEMA_PATH = fileURLToPath(new URL('../../node_modules/@tribeplatform/gql-client/schema.generated.gql', import.meta.url));

/** The 2024-09 generation the snapshot was pulled from, kept in the repository (provenance in schema/README.md). */
export const SCHEMA_2024_09_PATH = fileURLToPath(new URL('../fixtures/schemas/bettermode-2024-09.graphql', import.meta.url));
