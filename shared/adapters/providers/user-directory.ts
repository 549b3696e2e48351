import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { UserDirectory } from "../../ports/user-directory";
import { CognitoUserDirectory } from "../cognito/user-directory";
import { env } from "../environment";
import { provider } from "./provider";

export const userDirectory = provider<UserDirectory>(
  () => new CognitoUserDirectory(new CognitoIdentityProviderClient({}), env.userPoolId()),
);
