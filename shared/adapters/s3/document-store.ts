import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { GetObjectCommand, NoSuchKey, type S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { type Clock, systemClock } from "../../ports/clock";
import type { DocumentStore, PresignedUpload, StoredObject } from "../../ports/document-store";

export class S3DocumentStore implements DocumentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    /** Dates `expiresAt` for the applicant; the same instant as the policy's in AWS, the stack's time locally. */
    private readonly clock: Clock = systemClock,
  ) {}

  async presignUpload(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresSeconds: number;
  }): Promise<PresignedUpload> {
    // The policy pins key, type and size: S3 refuses anything else at upload time.
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: input.key,
      Conditions: [
        ["content-length-range", 1, input.maxBytes],
        ["eq", "$Content-Type", input.contentType],
      ],
      Fields: { "Content-Type": input.contentType },
      Expires: input.expiresSeconds,
    });
    return {
      url,
      fields,
      expiresAt: new Date(this.clock.now().getTime() + input.expiresSeconds * 1000).toISOString(),
    };
  }

  /** Hashes the stored bytes: the digest the applicant claimed is trusted only once it matches. */
  async inspect(key: string): Promise<StoredObject | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const hash = createHash("sha256");
      let size = 0;
      for await (const chunk of object.Body as Readable) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      return { size, contentType: object.ContentType, sha256: hash.digest("hex") };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === "NoSuchKey") return undefined;
      throw error;
    }
  }
}
