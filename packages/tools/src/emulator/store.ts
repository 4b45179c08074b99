import { UsageCounter } from './usage-counter.js';

/** The network the emulator serves. */
export interface NetworkRecord {
  id: string;
  name: string;
  domain: string;
  description: string;
  locale: string;
  visibility: 'public' | 'private';
  createdAt: string;
}

/** A member; `isBot` marks an app's bot, which never shows in member lists. */
export interface MemberRecord {
  id: string;
  name: string;
  username: string;
  email: string;
  password?: string;
  status: 'VERIFIED' | 'UNVERIFIED' | 'BLOCKED' | 'Suspended';
  roleType: 'admin' | 'moderator' | 'member';
  tagline: string | null;
  locale: string;
  createdAt: string;
  updatedAt: string;
  isBot?: boolean;
  /** The ID an integration gave the member (`member(externalId:)`), if any. */
  externalId?: string | null;
}

/** A space and who belongs to it. */
export interface SpaceRecord {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  type: 'Group' | 'Broadcast' | 'Entity' | 'Page' | 'PrivateMessage';
  private: boolean;
  hidden: boolean;
  inviteOnly: boolean;
  collectionId: string | null;
  createdById: string;
  createdAt: string;
  memberIds: string[];
}

/** A post or, with `repliedToId`, a reply. `reactions` maps a reaction to the members who gave it. */
export interface PostRecord {
  id: string;
  spaceId: string;
  ownerId: string;
  postTypeId: string;
  repliedToId: string | null;
  title: string | null;
  content: string | null;
  status: 'PUBLISHED' | 'DRAFTED';
  tagIds: string[];
  reactions: Record<string, string[]>;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

/** A tag that posts carry. */
export interface TagRecord {
  id: string;
  title: string;
  slug: string;
  description: string | null;
}

/** A collection (group of spaces). */
export interface CollectionRecord {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  createdAt: string;
}

/** A post type; `context` says whether it is for posts or replies. */
export interface PostTypeRecord {
  id: string;
  name: string;
  pluralName: string;
  slug: string;
  context: 'post' | 'reply';
}

/** A registered app, its credentials, where it is installed, and its stored settings. */
export interface AppRecord {
  id: string;
  clientId: string;
  clientSecret: string;
  botMemberId: string;
  installedNetworkIds: string[];
  settings: string;
  /** The app's name and slug as the app store shows them (default: its ID). */
  name?: string;
  slug?: string;
  /** When and by whom it was installed on the network, and the permissions granted there. */
  installedAt?: string;
  installedById?: string;
  permissions?: string[];
  /** Where "Sign in with Bettermode" may send members back; a loopback one matches on any port. */
  redirectUris?: string[];
}

/** An app's installation on the served network, derived from `AppRecord.installedNetworkIds`. */
export interface AppInstallationRecord {
  id: string;
  app: AppRecord;
  networkId: string;
  status: 'ENABLED';
  permissions: string[];
  installedAt: string;
  installedById: string | null;
}

/** A member's request to join a (private or invite-only) space. */
export interface SpaceJoinRequestRecord {
  id: string;
  spaceId: string;
  memberId: string;
  status: 'PENDING' | 'DECLINED' | 'COMPLETED';
  createdAt: string;
}

/** A member's subscription to the notifications of a post, space or member (the publisher). */
export interface NotificationSubscriptionRecord {
  id: string;
  subscriberId: string;
  publisherId: string;
  createdAt: string;
}

/** Everything the emulator stores; also the format of a `--data` file. */
export interface EmulatorData {
  network: NetworkRecord;
  /** A second network that exists but has no app installed: minting for it is Forbidden. */
  uninstalledNetworkId: string;
  apps: AppRecord[];
  members: MemberRecord[];
  spaces: SpaceRecord[];
  posts: PostRecord[];
  tags: TagRecord[];
  collections: CollectionRecord[];
  postTypes: PostTypeRecord[];
  /** Requests to join spaces; optional, so that data files written before it still load. */
  spaceJoinRequests?: SpaceJoinRequestRecord[];
  /** Notification subscriptions; optional, so that data files written before it still load. */
  subscriptions?: NotificationSubscriptionRecord[];
}

/** The in-memory state: the data plus lookups, an ID source and the API usage counters. */
export class EmulatorStore {
  readonly data: EmulatorData & { spaceJoinRequests: SpaceJoinRequestRecord[]; subscriptions: NotificationSubscriptionRecord[] };
  /** Requests counted per network and window, which `apiRateLimitStats` reports. */
  readonly usage = new UsageCounter();
  #nextId = 1;

  constructor(data: EmulatorData) {
    const copy = structuredClone(data);
    this.data = { ...copy, spaceJoinRequests: copy.spaceJoinRequests ?? [], subscriptions: copy.subscriptions ?? [] };
  }

  /** A new unique ID with a readable prefix. */
  newId(prefix: string): string {
    return `${prefix}${String(this.#nextId++).padStart(6, '0')}${Math.random().toString(36).slice(2, 6)}`;
  }

  /** The member with this ID, if any. */
  member(id: string): MemberRecord | undefined {
    return this.data.members.find((member) => member.id === id);
  }

  /** The space with this ID, if any. */
  space(id: string): SpaceRecord | undefined {
    return this.data.spaces.find((space) => space.id === id);
  }

  /** The post or reply with this ID, if any. */
  post(id: string): PostRecord | undefined {
    return this.data.posts.find((post) => post.id === id);
  }

  /** The app with this client ID, if any. */
  appByClientId(clientId: string): AppRecord | undefined {
    return this.data.apps.find((app) => app.clientId === clientId);
  }

  /** The apps installed on the served network, oldest installation first; other networks' installations are not served. */
  installations(): AppInstallationRecord[] {
    const { network } = this.data;
    return this.data.apps
      .filter((app) => app.installedNetworkIds.includes(network.id))
      .map((app) => ({
        id: `Ins${app.id}`,
        app,
        networkId: network.id,
        status: 'ENABLED' as const,
        permissions: app.permissions ?? [],
        installedAt: app.installedAt ?? network.createdAt,
        installedById: app.installedById ?? null,
      }))
      .sort((a, b) => a.installedAt.localeCompare(b.installedAt) || a.id.localeCompare(b.id));
  }

  /** Members a person can see: every member but the apps' bots. */
  people(): MemberRecord[] {
    return this.data.members.filter((member) => !member.isBot);
  }

  /** Published top-level posts, newest first. */
  publishedPosts(): PostRecord[] {
    return this.data.posts
      .filter((post) => post.repliedToId === null && post.status === 'PUBLISHED')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  /** Replies to a post, oldest first. */
  repliesTo(postId: string): PostRecord[] {
    return this.data.posts.filter((post) => post.repliedToId === postId).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}
