import { DeleteObjectsCommand, ListObjectsCommand, type S3Client } from "@aws-sdk/client-s3";

/**
 * Deletes every object of the bucket, for a test stack's reset. Each round lists what is left from
 * the start with ListObjects (v1): a truncated ListObjectsV2 makes s3rver mint a DES continuation
 * token, which fails on Node ≥ 17 without `--openssl-legacy-provider` (see s3-local.ts).
 */
export async function emptyBucket(s3: S3Client, bucket: string): Promise<void> {
  for (;;) {
    const { Contents = [] } = await s3.send(new ListObjectsCommand({ Bucket: bucket }));
    const keys = Contents.flatMap((o) => (o.Key === undefined ? [] : [{ Key: o.Key }]));
    if (keys.length === 0) return;
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
  }
}
