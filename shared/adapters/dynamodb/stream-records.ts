import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBRecord } from "aws-lambda";
import type { ProgressRecord } from "../../domain/services/workflow-driver";
import type { StepWait } from "../../domain/workflow/progress";

/**
 * The workflow progress a record of the table's stream carries: a committed outcome or a recorded
 * wait (the stream is filtered to those in infra/constructs); anything else is not progress.
 */
export function progressRecordOf(record: DynamoDBRecord): ProgressRecord | undefined {
  const image = record.dynamodb?.NewImage;
  if (!image) return undefined;
  const item = unmarshall(image as never);
  if (item.entity === "outcome")
    return { entity: "outcome", applicationId: String(item.applicationId), round: Number(item.round) };
  if (item.entity === "wait") return { entity: "wait", wait: item as unknown as StepWait };
  return undefined;
}
