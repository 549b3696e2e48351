/**
 * The officer queue index (ADR 0009): one partition per agency, license type and whose turn it is,
 * sorted by due time; it holds only the queue row, never the whole application.
 */
export const queueIndex = {
  indexName: "GSI3",
  partitionKey: "GSI3PK",
  sortKey: "GSI3SK",
  /** The one non-key attribute projected: the row the queue shows (`QueueRow`). */
  row: "queueRow",
} as const;

export type IndexProjection = { type: "ALL" } | { type: "INCLUDE"; nonKeyAttributes: readonly string[] };

/**
 * The single table's key design (DESIGN.md §5, ADR 0009), shared by CDK and the local stack so both
 * create the same table: primary key PK/SK; GSI1 = licenses by expiry (renewal reminders); GSI2 = an
 * applicant's applications; GSI3 = the officer queue.
 */
export const tableDesign: {
  partitionKey: string;
  sortKey: string;
  timeToLiveAttribute: string;
  globalSecondaryIndexes: readonly {
    indexName: string;
    partitionKey: string;
    sortKey: string;
    projection: IndexProjection;
  }[];
} = {
  partitionKey: "PK",
  sortKey: "SK",
  timeToLiveAttribute: "expiresAt",
  globalSecondaryIndexes: [
    // Whole items: the reminder job rewrites each license from what it read here. The local stack also
    // keeps its open workflow waits here (infra/local/workflow/local-workflow-progress.ts).
    { indexName: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK", projection: { type: "ALL" } },
    // Whole items: `GET /applications` answers with whole applications (see ADR 0009 for why not keys only).
    { indexName: "GSI2", partitionKey: "GSI2PK", sortKey: "GSI2SK", projection: { type: "ALL" } },
    {
      indexName: queueIndex.indexName,
      partitionKey: queueIndex.partitionKey,
      sortKey: queueIndex.sortKey,
      projection: { type: "INCLUDE", nonKeyAttributes: [queueIndex.row] },
    },
  ],
};
