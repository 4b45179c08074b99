import { addMocksToSchema } from '@graphql-tools/mock';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { appResolvers } from './resolvers/app.js';
import { authResolvers } from './resolvers/auth.js';
import { discoveryResolvers } from './resolvers/discovery.js';
import { installationResolvers, installationTypeResolvers } from './resolvers/installations.js';
import { mediaResolvers } from './resolvers/media.js';
import { memberResolvers } from './resolvers/members.js';
import { permissionTypeResolvers } from './resolvers/permissions.js';
import { postResolvers } from './resolvers/posts.js';
import { reactionResolvers } from './resolvers/reactions.js';
import { spaceResolvers } from './resolvers/spaces.js';
import { typeResolvers } from './resolvers/types.js';
import { observeMutations, type StateChangeListener } from './state-changes.js';

const domains = [
  authResolvers,
  memberResolvers,
  spaceResolvers,
  postResolvers,
  reactionResolvers,
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
  const types: Record<string, Record<string, unknown>> = { ...typeResolvers, ...installationTypeResolvers };
  for (const [type, fields] of Object.entries(permissionTypeResolvers)) types[type] = { ...types[type], ...fields };
  return { ...types, Query, Mutation: observeMutations(Mutation, onChange) };
}

/**
 * The emulator's schema: the SDL with the stateful resolvers, and schema-valid generated data for
 * every field they leave out, so that any valid operation runs. An older SDL (the 2023 one) lacks
 * the fields some resolvers serve; those resolvers are left out instead of failing the start.
 * `onChange` hears of every successful mutation.
 */
export function buildEmulatorSchema(sdl: string, onChange?: StateChangeListener): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: sdl,
    resolvers: mergedResolvers(onChange),
    resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' },
  });
  return addMocksToSchema({
    schema,
    preserveResolvers: true,
    mocks: {
      DateTime: () => new Date(Date.UTC(2026, 0, 1)).toISOString(),
      Upload: () => null,
    },
  });
}
