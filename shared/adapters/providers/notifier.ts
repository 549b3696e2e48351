import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { Inbox, Notifier, RoleDirectory } from "../../ports/notifier";
import { CognitoUserDirectory } from "../cognito/user-directory";
import { documentClient } from "../dynamodb/document-client";
import { DynamoDbInbox } from "../dynamodb/inbox";
import { env } from "../environment";
import { provider } from "./provider";

/**
 * Deployed, a notice reaches its recipients' inboxes. E-mail through SES (SESv2 SendEmail) is a
 * second Notifier still to come: @aws-sdk/client-sesv2 is not a dependency yet.
 */
export const notifier = provider<Notifier>(() => new DynamoDbInbox(documentClient(), env.tableName()));

export const inbox = provider<Inbox>(() => new DynamoDbInbox(documentClient(), env.tableName()));

/** Read only for notices with OPDC copies (s.10 overdue notices), so only that task needs the pool. */
export const roleDirectory = provider<RoleDirectory>(
  () => new CognitoUserDirectory(new CognitoIdentityProviderClient({}), env.userPoolId()),
);
