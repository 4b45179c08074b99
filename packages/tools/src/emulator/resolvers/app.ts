import { forbidden, notFound } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import { viewerOf } from '../viewer.js';

function ownApp(context: EmulatorContext, appId: string) {
  const viewer = viewerOf(context);
  const app = context.store.data.apps.find((candidate) => candidate.id === appId);
  if (!app) throw notFound('app', appId);
  if (viewer.appId !== app.id) throw forbidden('only the app itself may read or write its network settings');
  return app;
}

/** The network, its API usage, and the settings an app keeps on it. */
export const appResolvers = {
  Query: {
    network: (_: unknown, __: unknown, context: EmulatorContext) => context.store.data.network,
    apiRateLimitStats: (_: unknown, __: unknown, context: EmulatorContext) => context.store.usage.stats(viewerOf(context).networkId),
    getAppNetworkSettings: (_: unknown, args: { appId: string }, context: EmulatorContext) => ownApp(context, args.appId).settings,
  },
  Mutation: {
    updateAppNetworkSettings: (_: unknown, args: { appId: string; settings: string }, context: EmulatorContext) => {
      const app = ownApp(context, args.appId);
      app.settings = args.settings;
      return { status: 'succeeded', data: app.settings };
    },
  },
};
