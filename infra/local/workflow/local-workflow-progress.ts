import { DeleteCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { waitItem, withoutKeys } from "../../../shared/adapters/dynamodb/keys";
import { DynamoDbWorkflowProgress } from "../../../shared/adapters/dynamodb/workflow-progress";
import type { StepWait } from "../../../shared/domain/workflow/progress";

/** The index partition of waits whose workflow has not ended (local only: AWS keeps its executions). */
const openWaitsPartition = "WAITS#OPEN";

/**
 * Waits as the local stack keeps them: also in an index of open waits, so a restart finds the
 * workflows to resume without reading the whole table, and closed when an execution ends. In AWS,
 * Step Functions keeps its executions itself and none of this is needed.
 */
export class LocalWorkflowProgress extends DynamoDbWorkflowProgress {
  protected override waitItem(wait: StepWait): Record<string, unknown> {
    return openWaitItem(wait);
  }

  async openWaits(): Promise<StepWait[]> {
    const waits: StepWait[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :open",
          ExpressionAttributeValues: { ":open": openWaitsPartition },
          ExclusiveStartKey: start,
        }),
      );
      waits.push(...(page.Items ?? []).map((i) => withoutKeys<StepWait>(i)));
      start = page.LastEvaluatedKey;
    } while (start);
    return waits;
  }

  /** The execution ended: nothing to resume. */
  async closeWait(applicationId: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: { PK: `APP#${applicationId}`, SK: "WAIT" } }),
    );
  }
}

/** A wait item in the open-waits index (also used for the round-0 wait a submission writes). */
export function openWaitItem(wait: StepWait): Record<string, unknown> {
  return { ...waitItem(wait), GSI1PK: openWaitsPartition, GSI1SK: `${wait.createdAt}#${wait.applicationId}` };
}
