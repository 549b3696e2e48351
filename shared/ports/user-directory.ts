import type { UserIdentity } from "../domain/user-identity";

export type { UserIdentity } from "../domain/user-identity";

/**
 * The sign-in identities (the Cognito user pool): whose user id is whose. An officer account binds
 * a user to an agency's license types, so the agency must first be the user's own — the pool's
 * `custom:agencyId`, which only an administrator sets.
 */
export interface UserDirectory {
  /** The user with this id (Cognito `sub`), or undefined when the pool has none. */
  find(userId: string): Promise<UserIdentity | undefined>;
}
