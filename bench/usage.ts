import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { S3Client } from "@aws-sdk/client-s3";

/** Commands that take ReturnConsumedCapacity; the meter asks each for the units it consumed. */
const capacityCommands = new Set([
  "GetItemCommand",
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "BatchWriteItemCommand",
  "TransactGetItemsCommand",
  "TransactWriteItemsCommand",
  "ExecuteStatementCommand",
  "BatchExecuteStatementCommand",
  "ExecuteTransactionCommand",
]);

const readCommands = new Set([
  "GetItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "TransactGetItemsCommand",
]);

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export interface DynamoDbUsage {
  requests: Record<string, number>;
  /** Request units by command: where the units go. */
  unitsByCommand: Record<string, { read: number; write: number }>;
  /** On-demand read request units, as DynamoDB Local reports them (ReturnConsumedCapacity TOTAL). */
  readUnits: number;
  writeUnits: number;
  /** Requests that came back without ConsumedCapacity (none expected). */
  unmetered: number;
}

export interface S3Usage {
  requests: Record<string, number>;
  /** Bytes written by PutObject (the kept documents; the form uploads are counted by the client). */
  bytesPut: number;
}

/**
 * Counts what the local stack asks of DynamoDB and S3, through a middleware on the very clients the
 * stack's adapters use: every command by name, and for DynamoDB the request units it consumed.
 */
export class UsageMeter {
  private dynamo: DynamoDbUsage = emptyDynamo();
  private s3: S3Usage = { requests: {}, bytesPut: 0 };

  constructor(clients: { dynamodb: DynamoDBClient; s3: S3Client }) {
    clients.dynamodb.middlewareStack.add(
      (next, context) => async (args) => {
        const name = context.commandName ?? "?";
        const input = args.input as { ReturnConsumedCapacity?: string };
        if (capacityCommands.has(name)) input.ReturnConsumedCapacity ??= "TOTAL";
        const result = await next(args);
        this.recordDynamo(
          name,
          (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity,
        );
        return result;
      },
      { step: "initialize", name: "benchUsageMeter", priority: "high" },
    );
    clients.s3.middlewareStack.add(
      (next, context) => async (args) => {
        const name = context.commandName ?? "?";
        this.s3.requests[name] = (this.s3.requests[name] ?? 0) + 1;
        const body = (args.input as { Body?: unknown }).Body;
        if (name === "PutObjectCommand" && body instanceof Uint8Array) this.s3.bytesPut += body.byteLength;
        return next(args);
      },
      { step: "initialize", name: "benchUsageMeter", priority: "high" },
    );
  }

  reset(): void {
    this.dynamo = emptyDynamo();
    this.s3 = { requests: {}, bytesPut: 0 };
  }

  snapshot(): { dynamodb: DynamoDbUsage; s3: S3Usage } {
    return structuredClone({ dynamodb: this.dynamo, s3: this.s3 });
  }

  private recordDynamo(name: string, consumed: Capacity | Capacity[] | undefined): void {
    const d = this.dynamo;
    d.requests[name] = (d.requests[name] ?? 0) + 1;
    if (!capacityCommands.has(name)) return;
    if (!consumed) {
      d.unmetered++;
      return;
    }
    d.unitsByCommand[name] ??= { read: 0, write: 0 };
    const units = d.unitsByCommand[name];
    for (const c of Array.isArray(consumed) ? consumed : [consumed]) {
      // TOTAL gives CapacityUnits; split reads from writes by the command when the split is absent.
      if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
        units.read += c.ReadCapacityUnits ?? 0;
        units.write += c.WriteCapacityUnits ?? 0;
      } else if (readCommands.has(name)) units.read += c.CapacityUnits ?? 0;
      else units.write += c.CapacityUnits ?? 0;
    }
    d.readUnits = Object.values(d.unitsByCommand).reduce((sum, u) => sum + u.read, 0);
    d.writeUnits = Object.values(d.unitsByCommand).reduce((sum, u) => sum + u.write, 0);
  }
}

function emptyDynamo(): DynamoDbUsage {
  return { requests: {}, unitsByCommand: {}, readUnits: 0, writeUnits: 0, unmetered: 0 };
}
