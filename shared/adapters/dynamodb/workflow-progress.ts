import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { StepOutcome, StepWait } from "../../domain/workflow/progress";
import type { WorkflowProgress } from "../../ports/workflow-progress";
import { keys, waitItem, withoutKeys } from "./keys";

export class DynamoDbWorkflowProgress implements WorkflowProgress {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async recordWait(wait: StepWait): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: this.waitItem(wait) }));
  }

  async currentWait(applicationId: string): Promise<StepWait | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.wait(applicationId), ConsistentRead: true }),
    );
    return Item ? withoutKeys<StepWait>(Item) : undefined;
  }

  async outcome(applicationId: string, round: number): Promise<StepOutcome | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.outcome(applicationId, round),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<StepOutcome>(Item) : undefined;
  }

  async markAnnounced(applicationId: string, round: number, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.outcome(applicationId, round),
        UpdateExpression: "SET announcedAt = if_not_exists(announcedAt, :at)",
        ConditionExpression: "attribute_exists(PK)",
        ExpressionAttributeValues: { ":at": at },
      }),
    );
  }

  /** The wait as stored: the local stack adds its index of open waits. */
  protected waitItem(wait: StepWait): Record<string, unknown> {
    return waitItem(wait);
  }
}
