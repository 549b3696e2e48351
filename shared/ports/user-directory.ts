/**
 * The sign-in identities (the Cognito user pool): whose user id is whose. An officer account binds
 * a user to an agency's license types, so the agency must first be the user's own — the pool's
 * `custom:agencyId`, which only an administrator sets.
 */
export interface UserIdentity {
  userId: string;
  /** The agency the user belongs to; none for applicants. */
  agencyId: string | undefined;
  email: string | undefined;
  enabled: boolean;
}

export interface UserDirectory {
  /** The user with this id (Cognito `sub`), or undefined when the pool has none. */
  find(userId: string): Promise<UserIdentity | undefined>;
}
