import type { ApplicationStore } from "../../ports/application-store";
import type { DocumentRegistry } from "../../ports/document-store";
import type { IdempotencyStore } from "../../ports/idempotency-store";
import type { LicenseRegister } from "../../ports/license-register";
import type { OfficerQueue } from "../../ports/officer-queue";
import type { WorkflowProgress } from "../../ports/workflow-progress";
import { DynamoDbApplicationStore } from "../dynamodb/application-store";
import { documentClient } from "../dynamodb/document-client";
import { DynamoDbDocumentRegistry } from "../dynamodb/document-registry";
import { DynamoDbIdempotencyStore } from "../dynamodb/idempotency-store";
import { DynamoDbLicenseRegister } from "../dynamodb/license-register";
import { DynamoDbOfficerQueue } from "../dynamodb/queue-index";
import { DynamoDbWorkflowProgress } from "../dynamodb/workflow-progress";
import { env } from "../environment";
import { provider } from "./provider";

export const applicationStore = provider<ApplicationStore>(
  () => new DynamoDbApplicationStore(documentClient(), env.tableName()),
);
export const officerQueue = provider<OfficerQueue>(
  () => new DynamoDbOfficerQueue(documentClient(), env.tableName()),
);
export const idempotencyStore = provider<IdempotencyStore>(
  () => new DynamoDbIdempotencyStore(documentClient(), env.tableName()),
);
export const documentRegistry = provider<DocumentRegistry>(
  () => new DynamoDbDocumentRegistry(documentClient(), env.tableName()),
);
export const licenseRegister = provider<LicenseRegister>(
  () => new DynamoDbLicenseRegister(documentClient(), env.tableName()),
);
export const workflowProgress = provider<WorkflowProgress>(
  () => new DynamoDbWorkflowProgress(documentClient(), env.tableName()),
);
