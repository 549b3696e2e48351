import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import type { Clock } from "../../ports/clock";
import type {
  DocumentStore,
  PresignedDownload,
  PresignedUpload,
  StoredObject,
} from "../../ports/document-store";
import { systemClock } from "../system-clock";
import { presignGet } from "./presign-get";

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
    size: number;
    sha256: string;
    expiresSeconds: number;
  }): Promise<PresignedUpload> {
    // The policy pins the key, the type, the exact size and the SHA-256: S3 refuses anything else at
    // upload time. The checksum travels as form fields (base64 of the raw digest, as S3's
    // x-amz-checksum-sha256 expects), each bound by an "eq" condition so the form cannot drop them.
    const checksum = Buffer.from(input.sha256, "hex").toString("base64");
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: input.key,
      Conditions: [
        ["content-length-range", input.size, input.size],
        ["eq", "$Content-Type", input.contentType],
        ["eq", "$x-amz-checksum-algorithm", "SHA256"],
        ["eq", "$x-amz-checksum-sha256", checksum],
      ],
      Fields: {
        "Content-Type": input.contentType,
        "x-amz-checksum-algorithm": "SHA256",
        "x-amz-checksum-sha256": checksum,
      },
      Expires: input.expiresSeconds,
    });
    return {
      url,
      fields,
      expiresAt: new Date(this.clock.now().getTime() + input.expiresSeconds * 1000).toISOString(),
    };
  }

  /** Hashes the stored bytes: the digest the applicant claimed is trusted only once it matches. */
  async inspect(
    key: string,
    options: { maxBytes: number; versionId?: string },
  ): Promise<StoredObject | undefined> {
    let object: GetObjectCommandOutput;
    try {
      object = await this.s3.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(options.versionId ? { VersionId: options.versionId } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === "NoSuchKey") return undefined;
      throw error;
    }
    const body = object.Body as Readable;
    const hash = createHash("sha256");
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      // Past the limit the object is refused by its size alone: stop rather than buffer all of it.
      if (size > options.maxBytes) {
        body.destroy?.();
        return { size: object.ContentLength ?? size, contentType: object.ContentType };
      }
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
    return {
      size,
      contentType: object.ContentType,
      content: { bytes: Buffer.concat(chunks, size), sha256: hash.digest("hex") },
    };
  }

  async keep(input: {
    key: string;
    bytes: Uint8Array;
    contentType: string;
    sha256: string;
  }): Promise<{ versionId?: string }> {
    // If-None-Match: * makes S3 refuse to replace an object (412): the key is fresh, so a refusal means
    // something is wrong, and failing is safer than overwriting. The checksum lets S3 verify the bytes.
    const out = await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: input.key,
        Body: input.bytes,
        ContentType: input.contentType,
        ChecksumSHA256: Buffer.from(input.sha256, "hex").toString("base64"),
        IfNoneMatch: "*",
      }),
    );
    return out.VersionId ? { versionId: out.VersionId } : {};
  }

  async presignDownload(input: {
    key: string;
    versionId?: string;
    expiresSeconds: number;
  }): Promise<PresignedDownload> {
    const url = await presignGet(this.s3, {
      bucket: this.bucket,
      key: input.key,
      ...(input.versionId ? { versionId: input.versionId } : {}),
      expiresSeconds: input.expiresSeconds,
    });
    return {
      url,
      expiresAt: new Date(this.clock.now().getTime() + input.expiresSeconds * 1000).toISOString(),
    };
  }
}
