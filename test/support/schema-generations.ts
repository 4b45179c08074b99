import { fileURLToPath } from 'node:url';

/** The 2023 generation: the schema the official client @tribeplatform/gql-client 2.4.0 ships (a devDependency). */
export const OFFICIAL_CLIENT_SCHEMA_PATH = fileURLToPath(new URL('../../node_modules/@tribeplatform/gql-client/schema.generated.gql', import.meta.url));

/** The 2024-09 generation: the snapshot itself, which is that schema file byte for byte (provenance in schema/README.md). */
export const SCHEMA_2024_09_PATH = fileURLToPath(new URL('../../schema/tribe.graphql', import.meta.url));
