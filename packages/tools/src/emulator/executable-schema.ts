import { addMocksToSchema } from '@graphql-tools/mock';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { appResolvers } from './resolvers/app.js';
import { authResolvers } from './resolvers/auth.js';
import { deprecatedNameResolvers } from './resolvers/deprecated-names.js';
import { discoveryResolvers } from './resolvers/discovery.js';
import { installationResolvers, installationTypeResolvers } from './resolvers/installations.js';
import { mediaResolvers } from './resolvers/media.js';
import { memberResolvers } from './resolvers/members.js';
import { permissionTypeResolvers } from './resolvers/permissions.js';
import { postResolvers } from './resolvers/posts.js';
import { reactionResolvers } from './resolvers/reactions.js';
import { spaceResolvers } from './resolvers/spaces.js';
import { onStoredRecordsOnly } from './resolvers/stored-only.js';
import { subscriptionResolvers } from './resolvers/subscriptions.js';
import { typeResolvers } from './resolvers/types.js';
import { refuseUnmodelled } from './root-fields.js';
import { observeMutations, type StateChangeListener } from './state-changes.js';

const domains = [
  authResolvers,
  memberResolvers,
  spaceResolvers,
  postResolvers,
  reactionResolvers,
  subscriptionResolvers,
  discoveryResolvers,
  appResolvers,
  installationResolvers,
  mediaResolvers,
];

/** Every stateful resolver, merged by root type. */
export function mergedResolvers(onChange?: StateChangeListener) {
  const Query: Record<string, unknown> = {};
  const Mutation: Record<string, unknown> = {};
  for (const domain of domains) {
    Object.assign(Query, domain.Query);
    if ('Mutation' in domain) Object.assign(Mutation, domain.Mutation);
  }
  Object.assign(Query, deprecatedNameResolvers(Query));
  const types: Record<string, Record<string, unknown>> = { ...typeResolvers, ...installationTypeResolvers };
  for (const [type, fields] of Object.entries(permissionTypeResolvers)) types[type] = { ...types[type], ...fields };
  return { ...onStoredRecordsOnly(types), Query, Mutation: observeMutations(Mutation, onChange) };
}

/**
 * The emulator's schema: the SDL with the stateful resolvers; a root field they leave out answers a
 * "not modelled" error, and a field of a returned object they leave out gets schema-valid generated data,
 * so that any valid operation runs and no unmodelled change looks done. An older SDL (the 2023 one) lacks
 * the fields some resolvers serve; those resolvers are left out instead of failing the start.
 * `onChange` hears of every successful mutation.
 */
export function buildEmulatorSchema(sdl: string, onChange?: StateChangeListener): GraphQLSchema {
  const resolvers = mergedResolvers(onChange);
  const schema = makeExecutableSchema({
    typeDefs: sdl,
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' },
  });
  refuseUnmodelled(schema, resolvers);
  return addMocksToSchema({
    schema,
    preserveResolvers: true,
    mocks: {
      DateTime: () => new Date(Date.UTC(2026, 0, 1)).toISOString(),
      Upload: () => null,
    },
  });
}
