/**
 * The single table's key design (DESIGN.md §5), shared by CDK and the local stack so both create the
 * same table: primary key PK/SK, GSI1 = officer queue by due time, GSI2 = an applicant's applications.
 */
export const tableDesign = {
  partitionKey: "PK",
  sortKey: "SK",
  timeToLiveAttribute: "expiresAt",
  globalSecondaryIndexes: [
    { indexName: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK" },
    { indexName: "GSI2", partitionKey: "GSI2PK", sortKey: "GSI2SK" },
  ],
} as const;
