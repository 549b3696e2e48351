import middy from "@middy/core";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { progressRecordOf } from "../../shared/adapters/dynamodb/stream-records";
import { applicationStore, workflowProgress } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { licenseCatalog } from "../../shared/adapters/providers/license-catalog";
import { notifier } from "../../shared/adapters/providers/notifier";
import { workflowEngine } from "../../shared/adapters/providers/workflow-engine";
import { driveWorkflow } from "../../shared/domain/services/workflow-driver";
import { logger } from "../../shared/http/logger";

/**
 * The table's stream, filtered to committed outcomes and recorded waits (infra/constructs), drives the
 * workflows: a record that fails is reported, and Lambda retries from it (then a dead-letter queue).
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().handler(async (event) => {
  const deps = {
    store: applicationStore(),
    progress: workflowProgress(),
    workflow: workflowEngine(),
    publisher: eventPublisher(),
    notifier: notifier(),
    clock: clock(),
    catalog: licenseCatalog(),
  };
  const failures: DynamoDBBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    const progress = progressRecordOf(record);
    if (!progress) continue;
    try {
      await driveWorkflow(deps, progress);
    } catch (error) {
      logger.error("Could not settle the workflow's progress", { error, record: record.dynamodb?.Keys });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? "" });
      // Later records of the batch wait for this one: Lambda retries from the first failure.
      break;
    }
  }
  return { batchItemFailures: failures };
});
