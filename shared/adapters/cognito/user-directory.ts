import {
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { Role } from "../../domain/actor";
import type { UserIdentity } from "../../domain/user-identity";
import type { RoleDirectory } from "../../ports/notifier";
import type { UserDirectory } from "../../ports/user-directory";

/**
 * The user pool as a directory. ListUsers with a `sub` filter finds a user by id whatever the pool's
 * sign-in aliases are (AdminGetUser wants the username, which an e-mail-alias pool does not expose).
 */
export class CognitoUserDirectory implements UserDirectory, RoleDirectory {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async find(userId: string): Promise<UserIdentity | undefined> {
    // The id reaches the filter only after the API validated it as a UUID; quotes cannot occur.
    const { Users = [] } = await this.cognito.send(
      new ListUsersCommand({ UserPoolId: this.userPoolId, Filter: `sub = "${userId}"`, Limit: 1 }),
    );
    const user = Users[0];
    if (!user) return undefined;
    const attribute = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;
    return {
      userId,
      agencyId: attribute("custom:agencyId"),
      email: attribute("email"),
      enabled: user.Enabled !== false,
    };
  }

  /** The group named after the role (infra/constructs/auth.ts), every page of it. */
  async members(role: Role): Promise<string[]> {
    const ids: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await this.cognito.send(
        new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: role, NextToken }),
      );
      for (const user of page.Users ?? []) {
        const sub = user.Attributes?.find((a) => a.Name === "sub")?.Value;
        if (sub && user.Enabled !== false) ids.push(sub);
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return ids;
  }
}
