import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mergeQueue, type QueuePosition, type QueueRow, queueRowOf } from "../../domain/application/queue";
import {
  type ApplicationStatus,
  applicationStatuses,
  officerQueueStatuses,
  terminalStatuses,
} from "../../domain/application/status";
import type { Application } from "../../domain/application/types";
import type { OfficerQueue, QueuePage, QueueQuery } from "../../ports/officer-queue";
import { queueIndex } from "./table-design";

/**
 * The officer queue on GSI3 (ADR 0009). Partition `QUEUE#<agency>#<licenseTypeId>#<lane>`, sort key
 * `<dueAt>#<id>`, projected attribute: the queue row. An officer's page is one Query per assigned
 * license type (per lane the statuses asked for fall in), merged by due time: filtered by assignment
 * before the limit, and never reading more than `limit + 1` rows per partition without a status filter.
 */
type Lane = "OFFICER" | "APPLICANT";

/**
 * Whose turn it is: the officer's (the default queue's statuses) or the applicant's (a fix is
 * requested), so the default queue reads no row it would throw away. Undefined: not in the queue.
 */
export function queueLane(status: ApplicationStatus): Lane | undefined {
  if (status === "DRAFT" || terminalStatuses.has(status)) return undefined;
  return officerQueueStatuses.includes(status) ? "OFFICER" : "APPLICANT";
}

const laneStatuses = (lane: Lane) => applicationStatuses.filter((s) => queueLane(s) === lane);

export function queuePartition(agencyId: string, licenseTypeId: string, lane: Lane): string {
  return `QUEUE#${agencyId}#${licenseTypeId}#${lane}`;
}

/** Sorts as `compareQueue` does: same-length UTC due times, then the id; undated after every dated one. */
const noDueDate = "9999-12-31T23:59:59.999Z";

export function queueSortKey(position: QueuePosition): string {
  return `${position.dueAt ?? noDueDate}#${position.id}`;
}

/** The queue index attributes of an application, none while no officer of the agency can act on it. */
export function queueIndexAttributes(app: Application): Record<string, unknown> {
  const lane = queueLane(app.status);
  if (!lane || app.closedAt) return {};
  const row = queueRowOf(app);
  return {
    [queueIndex.partitionKey]: queuePartition(app.agencyId, app.licenseTypeId, lane),
    [queueIndex.sortKey]: queueSortKey(row),
    [queueIndex.row]: row,
  };
}

/** The officer queue port: reads GSI3, which every application write keeps (indexAttributes, keys.ts). */
export class DynamoDbOfficerQueue implements OfficerQueue {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  queuePage(query: QueueQuery): Promise<QueuePage> {
    return readQueuePage(this.db, this.tableName, query);
  }
}

export async function readQueuePage(
  db: DynamoDBDocumentClient,
  tableName: string,
  query: QueueQuery,
): Promise<QueuePage> {
  const reads: Promise<QueueRow[]>[] = [];
  for (const [lane, statuses] of lanesOf(query.statuses)) {
    // Every status of the lane asked for: the partition holds nothing else, so no filter.
    const only = statuses.length === laneStatuses(lane).length ? undefined : statuses;
    for (const licenseTypeId of new Set(query.licenseTypeIds))
      reads.push(
        readPartition(db, tableName, {
          partition: queuePartition(query.agencyId, licenseTypeId, lane),
          only,
          after: query.after,
          want: query.limit + 1,
        }),
      );
  }
  return mergeQueue(await Promise.all(reads), query.limit);
}

function lanesOf(statuses: readonly ApplicationStatus[]): Map<Lane, ApplicationStatus[]> {
  const lanes = new Map<Lane, ApplicationStatus[]>();
  for (const status of new Set(statuses)) {
    const lane = queueLane(status);
    if (lane) lanes.set(lane, [...(lanes.get(lane) ?? []), status]);
  }
  return lanes;
}

/**
 * Up to `want` rows of one partition after the position (fewer only when it runs out). With a
 * status filter DynamoDB applies the limit before the filter, so it may take several calls.
 */
async function readPartition(
  db: DynamoDBDocumentClient,
  tableName: string,
  p: {
    partition: string;
    only: readonly ApplicationStatus[] | undefined;
    after?: QueuePosition | undefined;
    want: number;
  },
): Promise<QueueRow[]> {
  const names: Record<string, string> = { "#pk": queueIndex.partitionKey, "#row": queueIndex.row };
  const values: Record<string, unknown> = { ":pk": p.partition };
  let keyCondition = "#pk = :pk";
  if (p.after) {
    names["#sk"] = queueIndex.sortKey;
    values[":after"] = queueSortKey(p.after);
    keyCondition += " AND #sk > :after";
  }
  let filter: string | undefined;
  if (p.only) {
    names["#status"] = "status";
    p.only.forEach((status, i) => {
      values[`:s${i}`] = status;
    });
    filter = `#row.#status IN (${p.only.map((_, i) => `:s${i}`).join(", ")})`;
  }
  const rows: QueueRow[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: queueIndex.indexName,
        KeyConditionExpression: keyCondition,
        FilterExpression: filter,
        ProjectionExpression: "#row",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        // Rows are ~0.3 KB: reading 100 per call for a rare status costs little and saves round trips.
        Limit: filter ? Math.max(p.want, 100) : p.want,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) rows.push(item[queueIndex.row] as QueueRow);
    start = page.LastEvaluatedKey;
  } while (start && rows.length < p.want);
  return rows;
}
