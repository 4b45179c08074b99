import { fileURLToPath } from 'node:url';

/**
 * The schema snapshot the tools ship: the package's `schema/tribe.graphql` once installed (copied
 * in at pack time), the repository's `schema/tribe.graphql` when run from source.
 */
export const SHIPPED_SCHEMA_PATH = fileURLToPath(new URL(`${import.meta.url.endsWith('.ts') ? '../../..' : '../..'}/schema/tribe.graphql`, import.meta.url));
