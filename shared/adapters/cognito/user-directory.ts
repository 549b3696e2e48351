import {
  type CognitoIdentityProviderClient,
  ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { UserIdentity } from "../../domain/user-identity";
import type { UserDirectory } from "../../ports/user-directory";

/**
 * The user pool as a directory. ListUsers with a `sub` filter finds a user by id whatever the pool's
 * sign-in aliases are (AdminGetUser wants the username, which an e-mail-alias pool does not expose).
 */
export class CognitoUserDirectory implements UserDirectory {
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
}
