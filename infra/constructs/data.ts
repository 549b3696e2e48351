import { Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from "aws-cdk-lib/aws-dynamodb";
import { Key } from "aws-cdk-lib/aws-kms";
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { tableDesign } from "../../shared/adapters/dynamodb/table-design";

export interface DataProps {
  stage: string;
  removalPolicy: RemovalPolicy;
  /** Origins allowed to POST presigned uploads from the browser. */
  allowedOrigins: string[];
}

/**
 * Verified documents: `documents/<applicant>/<sha256>/<upload id>`, written once by the attach handler
 * after it checked the bytes (docs/adr/0007-immutable-documents.md); no upload link names them.
 */
export const documentsPrefix = "documents/";
/** Where upload links write (`uploads/<applicant>/<upload id>`): read once at attach, then expired. */
export const uploadsPrefix = "uploads/";

/**
 * The single DynamoDB table (DESIGN.md §5) and the S3 bucket for uploaded documents and issued
 * licenses, both encrypted with one customer-managed key, plus the bucket that receives S3 access logs.
 */
export class Data extends Construct {
  readonly key: Key;
  readonly table: Table;
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const { removalPolicy } = props;

    this.key = new Key(this, "Key", {
      description: `BizPortal ${props.stage}: applications table and documents bucket`,
      alias: `alias/bizportal-${props.stage}-data`,
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow: Duration.days(7),
    });

    this.table = new Table(this, "Table", {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      // Drives the workflows from committed outcomes (WorkflowDriver).
      stream: StreamViewType.NEW_IMAGE,
      deletionProtection: removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy,
    });
    // The indexes as the local stack creates them (tableDesign): GSI1 licenses by expiry, GSI2 an
    // applicant's applications, GSI3 the officer queue holding only its rows (ADR 0009).
    for (const gsi of tableDesign.globalSecondaryIndexes)
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
        ...(gsi.projection.type === "INCLUDE"
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...gsi.projection.nonKeyAttributes] }
          : { projectionType: ProjectionType.ALL }),
      });

    // S3 server access logs: log delivery cannot write to SSE-KMS buckets, so SSE-S3 here. cdk-nag does
    // not ask a log-target bucket to log itself (S1).
    this.accessLogs = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        { expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) },
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      removalPolicy,
    });

    this.bucket = new Bucket(this, "Documents", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket instead of one KMS request per object: far fewer KMS calls.
      bucketKeyEnabled: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: "documents/",
      lifecycleRules: [
        { id: "abort-incomplete-multipart", abortIncompleteMultipartUploadAfter: Duration.days(7) },
        {
          // An upload is read once, at attach, and its bytes copied to documents/: after two days
          // an unattached upload is only clutter.
          id: "expire-uploads",
          prefix: uploadsPrefix,
          expiration: Duration.days(2),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: "expire-noncurrent",
          noncurrentVersionExpiration: Duration.days(365),
          expiredObjectDeleteMarker: true,
        },
      ],
      cors: [
        {
          // Browser uploads are presigned POST forms (DESIGN.md §5); downloads use presigned GET links.
          allowedMethods: [HttpMethods.POST],
          allowedOrigins: props.allowedOrigins,
          allowedHeaders: ["*"],
          exposedHeaders: ["ETag", "Location"],
          maxAge: 3000,
        },
      ],
      removalPolicy,
    });
  }
}
