import { unmarshall } from "@aws-sdk/util-dynamodb";
import middy from "@middy/core";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { applicationStore, workflowProgress } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { licenseCatalog } from "../../shared/adapters/providers/license-catalog";
import { notifier } from "../../shared/adapters/providers/notifier";
import { workflowEngine } from "../../shared/adapters/providers/workflow-engine";
import { driveWorkflow, type ProgressRecord } from "../../shared/domain/services/workflow-driver";
import type { StepWait } from "../../shared/domain/workflow/progress";
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
    const image = record.dynamodb?.NewImage;
    const progress = image && progressRecord(unmarshall(image as never));
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

function progressRecord(item: Record<string, unknown>): ProgressRecord | undefined {
  if (item.entity === "outcome")
    return { entity: "outcome", applicationId: String(item.applicationId), round: Number(item.round) };
  if (item.entity === "wait") return { entity: "wait", wait: item as unknown as StepWait };
  return undefined;
}
