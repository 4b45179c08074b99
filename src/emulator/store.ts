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
}

/** The in-memory state: the data plus lookups and an ID source. */
export class EmulatorStore {
  readonly data: EmulatorData;
  #nextId = 1;

  constructor(data: EmulatorData) {
    this.data = structuredClone(data);
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
    return this.data.posts
      .filter((post) => post.repliedToId === postId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}
