import type { OfficerDirectory } from "../../ports/officer-directory";
import { documentClient } from "../dynamodb/document-client";
import { DynamoDbOfficerDirectory } from "../dynamodb/officer-directory";
import { env } from "../environment";
import { provider } from "./provider";

export const officerDirectory = provider<OfficerDirectory>(
  () => new DynamoDbOfficerDirectory(documentClient(), env.tableName()),
);
