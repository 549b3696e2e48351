import {
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { CognitoUserDirectory } from "../../../shared/adapters/cognito/user-directory";

const cognito = mockClient(CognitoIdentityProviderClient);
const directory = new CognitoUserDirectory(new CognitoIdentityProviderClient({}), "ap-southeast-7_pool");
const sub = "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e09";

describe("CognitoUserDirectory", () => {
  beforeEach(() => cognito.reset());

  it("finds a user by sub and reads the agency an administrator set", async () => {
    cognito.on(ListUsersCommand).resolves({
      Users: [
        {
          Username: sub,
          Enabled: true,
          Attributes: [
            { Name: "sub", Value: sub },
            { Name: "email", Value: "somsri@khlongdan.go.th" },
            { Name: "custom:agencyId", Value: "sao-khlong-dan" },
          ],
        },
      ],
    });
    expect(await directory.find(sub)).toEqual({
      userId: sub,
      agencyId: "sao-khlong-dan",
      email: "somsri@khlongdan.go.th",
      enabled: true,
    });
    expect(cognito.commandCalls(ListUsersCommand)[0]!.args[0].input).toEqual({
      UserPoolId: "ap-southeast-7_pool",
      Filter: `sub = "${sub}"`,
      Limit: 1,
    });
  });

  it("gives no agency to a user without one, and nothing for an unknown id", async () => {
    cognito
      .on(ListUsersCommand)
      .resolvesOnce({ Users: [{ Enabled: false, Attributes: [{ Name: "email", Value: "a@example.com" }] }] })
      .resolvesOnce({ Users: [] });
    expect(await directory.find(sub)).toEqual({
      userId: sub,
      agencyId: undefined,
      email: "a@example.com",
      enabled: false,
    });
    expect(await directory.find(sub)).toBeUndefined();
  });

  it("lists a role's enabled members by sub, every page of the group (OPDC's copies of overdue notices)", async () => {
    const user = (id: string, enabled = true) => ({
      Enabled: enabled,
      Attributes: [{ Name: "sub", Value: id }],
    });
    cognito
      .on(ListUsersInGroupCommand)
      .resolvesOnce({ Users: [user("opdc-1"), user("opdc-off", false)], NextToken: "p2" })
      .resolvesOnce({ Users: [user("opdc-2")] });
    expect(await directory.members("opdc-admin")).toEqual(["opdc-1", "opdc-2"]);
    expect(cognito.commandCalls(ListUsersInGroupCommand).map((c) => c.args[0].input)).toEqual([
      { UserPoolId: "ap-southeast-7_pool", GroupName: "opdc-admin", NextToken: undefined },
      { UserPoolId: "ap-southeast-7_pool", GroupName: "opdc-admin", NextToken: "p2" },
    ]);
  });
});
