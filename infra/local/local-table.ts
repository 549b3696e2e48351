import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceInUseException,
  UpdateTableCommand,
} from "@aws-sdk/client-dynamodb";
import { tableDesign } from "../../shared/adapters/dynamodb/table-design";

/** A key no item has: reading it is the local stack's commit barrier (`awaitQueuedCommits`). */
export const commitBarrierKey: Record<string, string> = {
  [tableDesign.partitionKey]: "LOCAL#COMMIT-BARRIER",
  [tableDesign.sortKey]: "LOCAL#COMMIT-BARRIER",
};

type IndexDesign = (typeof tableDesign.globalSecondaryIndexes)[number];

/**
 * Creates the table as CDK declares it (same keys, indexes and projections). An existing table is
 * kept, and an index it lacks is added (a data folder from before the index); items written before
 * are not in that index until their next write, so `npm start -- --fresh` is the clean way.
 */
export async function ensureTable(db: DynamoDBClient, tableName: string): Promise<void> {
  const attributes = new Set<string>([tableDesign.partitionKey, tableDesign.sortKey]);
  for (const gsi of tableDesign.globalSecondaryIndexes) {
    attributes.add(gsi.partitionKey);
    attributes.add(gsi.sortKey);
  }
  try {
    await db.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: "S" })),
        KeySchema: [
          { AttributeName: tableDesign.partitionKey, KeyType: "HASH" },
          { AttributeName: tableDesign.sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map(indexOf),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await addMissingIndexes(db, tableName);
  }
}

/**
 * Empties the table, its indexes included, for a test stack's reset. Dropping and creating it again
 * takes DynamoDB Local ≈ 50 ms, where deleting 200 items one batch at a time takes ≈ 1 s.
 */
export async function recreateTable(db: DynamoDBClient, tableName: string): Promise<void> {
  await db.send(new DeleteTableCommand({ TableName: tableName }));
  await ensureTable(db, tableName);
}

async function addMissingIndexes(db: DynamoDBClient, tableName: string): Promise<void> {
  const { Table } = await db.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  // One index per update, as DynamoDB requires.
  for (const gsi of tableDesign.globalSecondaryIndexes.filter((g) => !present.has(g.indexName)))
    await db.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [gsi.partitionKey, gsi.sortKey].map((name) => ({
          AttributeName: name,
          AttributeType: "S",
        })),
        GlobalSecondaryIndexUpdates: [{ Create: indexOf(gsi) }],
      }),
    );
}

function indexOf(gsi: IndexDesign): GlobalSecondaryIndex {
  return {
    IndexName: gsi.indexName,
    KeySchema: [
      { AttributeName: gsi.partitionKey, KeyType: "HASH" },
      { AttributeName: gsi.sortKey, KeyType: "RANGE" },
    ],
    Projection:
      gsi.projection.type === "INCLUDE"
        ? { ProjectionType: "INCLUDE", NonKeyAttributes: [...gsi.projection.nonKeyAttributes] }
        : { ProjectionType: "ALL" },
  };
}
