import { forbidden, notFound } from '../api-error.js';
import type { EmulatorContext } from '../context.js';
import { paginate, type PageArgs } from '../pagination.js';
import type { AppInstallationRecord, AppRecord } from '../store.js';
import { memberViewerOf } from '../viewer.js';

interface InstallationsArgs extends PageArgs {
  status?: string | null;
}

/** The installations on the network with `status`; every stored installation is enabled. */
function installationsWith(context: EmulatorContext, args: InstallationsArgs): AppInstallationRecord[] {
  return context.store.installations().filter((installation) => !args.status || installation.status === args.status);
}

/** Tribe's `App` as a network member may read it: never the app's secrets. */
function publicApp(app: AppRecord, context: EmulatorContext) {
  return {
    id: app.id,
    name: app.name ?? app.id,
    slug: app.slug ?? app.id.toLowerCase(),
    clientId: app.clientId,
    clientSecret: null,
    secretToken: null,
    webhookSignSecret: null,
    networkId: context.store.data.network.id,
    installed: true,
  };
}

/** App installations: where apps are installed, for the network's admins and for its members. */
export const installationResolvers = {
  Query: {
    networkAppInstallations: (_: unknown, args: InstallationsArgs, context: EmulatorContext) => {
      if (!memberViewerOf(context).isAdmin) throw forbidden("only the network's admins and apps may list its app installations");
      return paginate(installationsWith(context, args), args);
    },
    authMemberAppInstallations: (_: unknown, args: InstallationsArgs, context: EmulatorContext) => {
      memberViewerOf(context);
      return paginate(installationsWith(context, args), args);
    },
    authMemberAppInstallation: (_: unknown, args: { appId: string }, context: EmulatorContext) => {
      memberViewerOf(context);
      const installation = context.store.installations().find((candidate) => candidate.app.id === args.appId);
      if (!installation) throw notFound('app installation of', args.appId);
      return installation;
    },
  },
};

/** Field resolvers of `AppInstallation`, from the record the store derives. */
export const installationTypeResolvers = {
  AppInstallation: {
    app: (installation: AppInstallationRecord, _: unknown, context: EmulatorContext) => publicApp(installation.app, context),
    network: (_: AppInstallationRecord, __: unknown, context: EmulatorContext) => context.store.data.network,
    installedBy: (installation: AppInstallationRecord, _: unknown, context: EmulatorContext) =>
      installation.installedById === null ? null : (context.store.member(installation.installedById) ?? null),
    createdAt: (installation: AppInstallationRecord) => installation.installedAt,
    updatedAt: (installation: AppInstallationRecord) => installation.installedAt,
    appVersion: () => null,
  },
};
