import type { EmulatorData, MemberRecord, PostRecord } from './store.js';

/** Options of {@link createDemoData}. */
export interface DemoDataOptions {
  /** How many top-level posts to seed (default 12), spread over the spaces and members. */
  posts?: number;
}

const BASE_TIME = Date.parse('2026-01-05T09:00:00.000Z');

function at(minutes: number): string {
  return new Date(BASE_TIME + minutes * 60_000).toISOString();
}

function person(id: string, name: string, username: string, roleType: MemberRecord['roleType'], tagline: string | null): MemberRecord {
  return {
    id,
    name,
    username,
    email: `${username}@acme.example`,
    password: 'demo-password',
    status: 'VERIFIED',
    roleType,
    tagline,
    locale: 'en-US',
    createdAt: at(0),
    updatedAt: at(0),
  };
}

const TOPICS: Array<[string, string]> = [
  ['Welcome to Acme Makers', 'Say hello and tell us what you are building.'],
  ['Show us your workbench', 'Photos of desks, benches and garages welcome.'],
  ['Soldering iron recommendations?', 'Looking for something under 100 EUR.'],
  ['Weekly build log #1', 'Started a mechanical keyboard from scratch.'],
  ['3D printer calibration tips', 'First layer problems, solved step by step.'],
  ['Meetup in Berlin next month', 'Who is in? Vote for a date below.'],
  ['Laser cutter safety checklist', 'A printable list for the shared workshop.'],
  ['Favourite microcontroller in 2026', 'RP2350, ESP32-C6 or something else?'],
];

/**
 * Readable demo data: one network with three apps installed (the demo app first), a second network
 * without them, people, spaces, posts and requests to join the private space.
 */
export function createDemoData(options: DemoDataOptions = {}): EmulatorData {
  const postCount = options.posts ?? 12;
  const members: MemberRecord[] = [
    person('MbrAdaL001', 'Ada Lovelace', 'ada', 'admin', 'Community admin'),
    person('MbrGraceH2', 'Grace Hopper', 'grace', 'moderator', 'Keeps the threads tidy'),
    person('MbrLinusT3', 'Linus Torvalds', 'linus', 'member', 'Builds kernels and keyboards'),
    { ...person('MbrMargaH4', 'Margaret Hamilton', 'margaret', 'member', 'Writes flight software for fun'), externalId: 'crm-0042' },
    { ...person('BotDemoApp', 'Demo App Bot', 'demo-app-bot', 'admin', null), isBot: true },
    { ...person('BotPollsApp', 'Polls Bot', 'polls-bot', 'admin', null), isBot: true },
    { ...person('BotDigestAp', 'Weekly Digest Bot', 'digest-bot', 'admin', null), isBot: true },
  ];
  const people = members.filter((member) => !member.isBot);
  const spaces: EmulatorData['spaces'] = [
    ['SpcGeneral', 'General', 'general', 'Anything about making things', false],
    ['SpcShowTel', 'Show and Tell', 'show-and-tell', 'Share what you built', false],
    ['SpcCrewOnly', 'Crew Room', 'crew-room', 'Private space for moderators', true],
  ].map(([id, name, slug, description, isPrivate], index) => ({
    id: id as string,
    name: name as string,
    slug: slug as string,
    description: description as string,
    type: 'Group' as const,
    private: isPrivate as boolean,
    hidden: false,
    inviteOnly: isPrivate as boolean,
    collectionId: index < 2 ? 'ColCommunity' : 'ColStaff000',
    createdById: 'MbrAdaL001',
    createdAt: at(index),
    memberIds: isPrivate ? ['MbrAdaL001', 'MbrGraceH2'] : people.map((member) => member.id),
  }));
  const posts: PostRecord[] = Array.from({ length: postCount }, (_, index): PostRecord => {
    const [title, content] = TOPICS[index % TOPICS.length]!;
    const round = Math.floor(index / TOPICS.length);
    return {
      id: `Pst${String(index + 1).padStart(7, '0')}`,
      spaceId: spaces[index % 2]!.id,
      ownerId: people[index % people.length]!.id,
      postTypeId: 'PtyDiscuss',
      repliedToId: null,
      title: round === 0 ? title : `${title} (${round + 1})`,
      content,
      status: 'PUBLISHED',
      tagIds: [index % 2 === 0 ? 'TagHardware' : 'TagSoftware'],
      reactions: index === 0 ? { like: ['MbrGraceH2', 'MbrLinusT3'] } : {},
      createdAt: at(60 + index),
      updatedAt: at(60 + index),
      publishedAt: at(60 + index),
    };
  });
  if (postCount > 0) {
    posts.push({
      ...posts[0]!,
      id: 'RplWelcome1',
      repliedToId: posts[0]!.id,
      ownerId: 'MbrLinusT3',
      postTypeId: 'PtyComment',
      title: null,
      content: 'Hello from Helsinki!',
      tagIds: [],
      reactions: {},
      createdAt: at(60 + postCount),
    });
  }
  return {
    network: {
      id: 'NetAcme001',
      name: 'Acme Makers',
      domain: 'acme-makers.tribeplatform.example',
      description: 'A community for people who build things',
      locale: 'en-US',
      visibility: 'public',
      createdAt: at(-1),
    },
    uninstalledNetworkId: 'NetOther002',
    apps: [
      {
        id: 'AppDemo001',
        name: 'Demo App',
        slug: 'demo-app',
        clientId: 'demo-client-id',
        clientSecret: 'demo-client-secret',
        botMemberId: 'BotDemoApp',
        installedNetworkIds: ['NetAcme001'],
        settings: '{}',
        installedAt: at(-1),
        installedById: 'MbrAdaL001',
        permissions: ['FIND_MEMBERS', 'FIND_POSTS', 'CREATE_POST'],
        redirectUris: ['http://127.0.0.1/oauth/callback', 'http://localhost/oauth/callback'],
      },
      {
        id: 'AppPolls002',
        name: 'Polls',
        slug: 'polls',
        clientId: 'polls-client-id',
        clientSecret: 'polls-client-secret',
        botMemberId: 'BotPollsApp',
        installedNetworkIds: ['NetAcme001'],
        settings: '{"maxOptions":6}',
        installedAt: at(120),
        installedById: 'MbrGraceH2',
        permissions: ['FIND_POSTS', 'CREATE_REPLY'],
      },
      {
        id: 'AppDigest03',
        name: 'Weekly Digest',
        slug: 'weekly-digest',
        clientId: 'digest-client-id',
        clientSecret: 'digest-client-secret',
        botMemberId: 'BotDigestAp',
        installedNetworkIds: ['NetAcme001'],
        settings: '{}',
        installedAt: at(240),
        installedById: 'MbrAdaL001',
        permissions: ['FIND_POSTS', 'FIND_MEMBERS'],
      },
      {
        // Installed nowhere yet, so it has no installation and no bot member; minting for it is Forbidden.
        id: 'AppDraft004',
        name: 'Draft App',
        slug: 'draft-app',
        clientId: 'draft-client-id',
        clientSecret: 'draft-client-secret',
        botMemberId: 'BotDraftApp',
        installedNetworkIds: [],
        settings: '{}',
      },
    ],
    members,
    spaces,
    posts,
    tags: [
      { id: 'TagHardware', title: 'Hardware', slug: 'hardware', description: 'Boards, tools and parts' },
      { id: 'TagSoftware', title: 'Software', slug: 'software', description: 'Firmware and code' },
    ],
    collections: [
      { id: 'ColCommunity', name: 'Community', slug: 'community', description: 'Where members talk', createdAt: at(0) },
      { id: 'ColStaff000', name: 'Staff', slug: 'staff', description: 'For the team', createdAt: at(0) },
    ],
    // Requests to join the private crew room: Grace's was accepted (she is in it), Margaret asked twice.
    spaceJoinRequests: [
      { id: 'JrqGrace001', spaceId: 'SpcCrewOnly', memberId: 'MbrGraceH2', status: 'COMPLETED', createdAt: at(2) },
      { id: 'JrqMarga002', spaceId: 'SpcCrewOnly', memberId: 'MbrMargaH4', status: 'DECLINED', createdAt: at(10) },
      { id: 'JrqLinus003', spaceId: 'SpcCrewOnly', memberId: 'MbrLinusT3', status: 'PENDING', createdAt: at(30) },
      { id: 'JrqMarga004', spaceId: 'SpcCrewOnly', memberId: 'MbrMargaH4', status: 'PENDING', createdAt: at(31) },
    ],
    postTypes: [
      { id: 'PtyDiscuss', name: 'Discussion', pluralName: 'Discussions', slug: 'discussion', context: 'post' },
      { id: 'PtyComment', name: 'Comment', pluralName: 'Comments', slug: 'comment', context: 'reply' },
    ],
  };
}
