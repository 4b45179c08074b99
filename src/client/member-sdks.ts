/** How many member SDKs are kept ready; older ones are built again when needed. */
const MAX_MEMBER_SDKS = 1_000;
/** How long a member SDK unused is kept, in ms of the client's clock: a member seen once costs nothing after that. */
const MEMBER_SDK_IDLE_MS = 10 * 60_000;

/**
 * The SDKs `impersonate` hands out, one per member, bounded so that an app acting for many members
 * does not grow without limit (the oldest built goes first), and dropped once unused for
 * {@link MEMBER_SDK_IDLE_MS} (see {@link MemberSdks.sweep}).
 */
export class MemberSdks<TSdk> {
  readonly #sdks = new Map<string, { sdk: TSdk; usedAt: number }>();
  readonly #build: (memberId: string) => TSdk;
  readonly #now: () => number;

  constructor(build: (memberId: string) => TSdk, now: () => number) {
    this.#build = build;
    this.#now = now;
  }

  /** The member's SDK, built on first use. */
  get(memberId: string): TSdk {
    const now = this.#now();
    const entry = this.#sdks.get(memberId);
    if (entry !== undefined) {
      entry.usedAt = now;
      return entry.sdk;
    }
    if (this.#sdks.size >= MAX_MEMBER_SDKS) this.#sdks.delete(this.#sdks.keys().next().value!);
    const sdk = this.#build(memberId);
    this.#sdks.set(memberId, { sdk, usedAt: now });
    return sdk;
  }

  /** Drops the SDKs unused for longer than {@link MEMBER_SDK_IDLE_MS}. */
  sweep(): void {
    const idleBefore = this.#now() - MEMBER_SDK_IDLE_MS;
    for (const [memberId, entry] of this.#sdks) if (entry.usedAt < idleBefore) this.#sdks.delete(memberId);
  }

  /** Forgets every SDK. */
  clear(): void {
    this.#sdks.clear();
  }
}
