import type { ApplicationStore } from "../../ports/application-store";
import type { DocumentRegistry } from "../../ports/document-store";
import { DynamoDbApplicationStore } from "../dynamodb/application-store";
import { documentClient } from "../dynamodb/document-client";
import { DynamoDbDocumentRegistry } from "../dynamodb/document-registry";
import { env } from "../environment";
import { provider } from "./provider";

export const applicationStore = provider<ApplicationStore>(
  () => new DynamoDbApplicationStore(documentClient(), env.tableName()),
);
export const documentRegistry = provider<DocumentRegistry>(
  () => new DynamoDbDocumentRegistry(documentClient(), env.tableName()),
);
