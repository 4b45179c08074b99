/** How many member SDKs are kept ready; older ones are built again when needed. */
const MAX_MEMBER_SDKS = 1_000;

/**
 * The SDKs `impersonate` hands out, one per member, bounded so that an app acting for many members
 * does not grow without limit (the least recently built one goes first).
 */
export class MemberSdks<TSdk> {
  readonly #sdks = new Map<string, TSdk>();
  readonly #build: (memberId: string) => TSdk;

  constructor(build: (memberId: string) => TSdk) {
    this.#build = build;
  }

  /** The member's SDK, built on first use. */
  get(memberId: string): TSdk {
    let sdk = this.#sdks.get(memberId);
    if (sdk === undefined) {
      if (this.#sdks.size >= MAX_MEMBER_SDKS) this.#sdks.delete(this.#sdks.keys().next().value!);
      this.#sdks.set(memberId, (sdk = this.#build(memberId)));
    }
    return sdk;
  }

  /** Forgets every SDK. */
  clear(): void {
    this.#sdks.clear();
  }
}
