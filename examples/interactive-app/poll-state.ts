// The app's memory, per network: the votes, the members' favourite posts and the posts seen published.
// A real app keeps this in a database; the shape of the code around it stays the same.

/** A post the app saw published. */
export interface SeenPost {
  id: string;
  title: string;
}

/** What the app remembers about one network. */
export interface NetworkState {
  votes: Map<string, string>;
  favourites: Map<string, Set<string>>;
  posts: SeenPost[];
}

const networks = new Map<string, NetworkState>();

/** The state of one network, made on first use. */
export function stateOf(networkId: string): NetworkState {
  let state = networks.get(networkId);
  if (!state) {
    state = { votes: new Map(), favourites: new Map(), posts: [] };
    networks.set(networkId, state);
  }
  return state;
}

/** How many votes each option has, in the options' order. */
export function tally(state: NetworkState, options: string[]): Array<{ option: string; votes: number }> {
  const votes = [...state.votes.values()];
  return options.map((option) => ({ option, votes: votes.filter((vote) => vote === option).length }));
}

/** Adds or removes a post from a member's favourites; returns whether it is a favourite now. */
export function toggleFavourite(state: NetworkState, memberId: string, postId: string): boolean {
  const favourites = state.favourites.get(memberId) ?? new Set<string>();
  state.favourites.set(memberId, favourites);
  if (favourites.delete(postId)) return false;
  favourites.add(postId);
  return true;
}
