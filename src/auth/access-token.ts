/** A minted app access token. */
export interface AccessToken {
  /** The bearer token; never log it. */
  accessToken: string;
  /** The network's own API endpoint, when the API named one. */
  gatewayUrl?: string | undefined;
  /** When the token expires, in epoch milliseconds, read from its JWT `exp` claim. */
  expiresAt?: number | undefined;
}
