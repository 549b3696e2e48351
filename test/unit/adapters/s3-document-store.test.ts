import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { S3DocumentStore } from "../../../shared/adapters/s3/document-store";

const s3 = mockClient(S3Client);
const client = new S3Client({
  region: "ap-southeast-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
});
const store = new S3DocumentStore(client, "bizportal-documents");
beforeEach(() => s3.reset());

const key = "uploads/applicant-1/01JNZ8Y7M3Q4R5S6T7V8W9X0YA";
const limit = { maxBytes: 10 * 1024 * 1024 };
/** @smithy/util-stream is not installed here, so the body is a plain Readable of Buffers. */
const body = (...parts: string[]) =>
  Readable.from(parts.map((p) => Buffer.from(p, "utf8"))) as unknown as GetObjectCommandOutput["Body"];

describe("S3DocumentStore.inspect", () => {
  it("hashes the streamed bytes and counts them", async () => {
    const bytes = "%PDF-1.4\n% ใบรับรองแพทย์\n%%EOF\n";
    s3.on(GetObjectCommand, { Bucket: "bizportal-documents", Key: key }).resolves({
      Body: body("%PDF-1.4\n", "% ใบรับรองแพทย์\n", "%%EOF\n"),
      ContentType: "application/pdf",
    });
    expect(await store.inspect(key, limit)).toEqual({
      size: Buffer.byteLength(bytes, "utf8"),
      contentType: "application/pdf",
      content: {
        bytes: Buffer.from(bytes, "utf8"),
        sha256: createHash("sha256").update(bytes, "utf8").digest("hex"),
      },
    });
  });

  it("gives the SHA-256 of the empty string for an empty object", async () => {
    s3.on(GetObjectCommand).resolves({ Body: body() });
    expect(await store.inspect(key, limit)).toEqual({
      size: 0,
      contentType: undefined,
      content: {
        bytes: Buffer.alloc(0),
        sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      },
    });
  });

  it("reads the version asked for", async () => {
    s3.on(GetObjectCommand, { Bucket: "bizportal-documents", Key: key, VersionId: "v1" }).resolves({
      Body: body("%PDF-1.4\n"),
    });
    expect((await store.inspect(key, { ...limit, versionId: "v1" }))?.size).toBe(9);
  });

  it("stops reading past the limit and leaves the content out: the size alone refuses it", async () => {
    s3.on(GetObjectCommand).resolves({
      Body: body("%PDF-1.4\n", "x".repeat(100), "y".repeat(100)),
      ContentLength: 209,
      ContentType: "application/pdf",
    });
    expect(await store.inspect(key, { maxBytes: 50 })).toEqual({ size: 209, contentType: "application/pdf" });
  });

  it("returns undefined when nothing was uploaded under the key", async () => {
    s3.on(GetObjectCommand).rejects(
      new NoSuchKey({ $metadata: {}, message: "The specified key does not exist." }),
    );
    expect(await store.inspect(key, limit)).toBeUndefined();
    s3.on(GetObjectCommand).rejects(Object.assign(new Error("missing"), { name: "NoSuchKey" }));
    expect(await store.inspect(key, limit)).toBeUndefined();
  });

  it("passes on other errors", async () => {
    s3.on(GetObjectCommand).rejects(Object.assign(new Error("Access Denied"), { name: "AccessDenied" }));
    await expect(store.inspect(key, limit)).rejects.toThrow("Access Denied");
  });
});

describe("S3DocumentStore.presignUpload", () => {
  const sha256 = createHash("sha256").update("%PDF-1.4\n").digest("hex");

  it("pins the key, the content type, the exact size and the SHA-256 in the signed policy", async () => {
    const before = Date.now();
    const upload = await store.presignUpload({
      key,
      contentType: "application/pdf",
      size: 9,
      sha256,
      expiresSeconds: 300,
    });
    expect(upload.url).toContain("bizportal-documents");
    expect(upload.fields.key).toBe(key);
    expect(upload.fields["Content-Type"]).toBe("application/pdf");
    // S3's checksum fields carry the base64 of the raw digest, not its hex.
    const checksum = Buffer.from(sha256, "hex").toString("base64");
    expect(upload.fields["x-amz-checksum-algorithm"]).toBe("SHA256");
    expect(upload.fields["x-amz-checksum-sha256"]).toBe(checksum);
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, "base64").toString("utf8"));
    expect(policy.conditions).toContainEqual(["content-length-range", 9, 9]);
    expect(policy.conditions).toContainEqual(["eq", "$Content-Type", "application/pdf"]);
    expect(policy.conditions).toContainEqual(["eq", "$x-amz-checksum-algorithm", "SHA256"]);
    expect(policy.conditions).toContainEqual(["eq", "$x-amz-checksum-sha256", checksum]);
    expect(policy.conditions).toContainEqual({ key });
    const expiresAt = Date.parse(upload.expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(300_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(300_000);
    expect(s3.calls()).toHaveLength(0);
  });
});

describe("S3DocumentStore.keep", () => {
  const bytes = Buffer.from("%PDF-1.4\n");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const kept = `documents/applicant-1/${sha256}/01JNZ8Y7M3Q4R5S6T7V8W9X0YA`;

  it("writes the checked bytes only if nothing is there, with their checksum, and returns the version", async () => {
    s3.on(PutObjectCommand).resolves({ VersionId: "3HL4kqtJlcpXroDTDmJ" });
    expect(await store.keep({ key: kept, bytes, contentType: "application/pdf", sha256 })).toEqual({
      versionId: "3HL4kqtJlcpXroDTDmJ",
    });
    const [call] = s3.commandCalls(PutObjectCommand);
    expect(call!.args[0].input).toEqual({
      Bucket: "bizportal-documents",
      Key: kept,
      Body: bytes,
      ContentType: "application/pdf",
      ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
      IfNoneMatch: "*",
    });
  });

  it("returns no version from an unversioned store", async () => {
    s3.on(PutObjectCommand).resolves({});
    expect(await store.keep({ key: kept, bytes, contentType: "application/pdf", sha256 })).toEqual({});
  });

  it("fails rather than replace an object already under the key", async () => {
    s3.on(PutObjectCommand).rejects(
      Object.assign(new Error("Precondition Failed"), { name: "PreconditionFailed" }),
    );
    await expect(store.keep({ key: kept, bytes, contentType: "application/pdf", sha256 })).rejects.toThrow(
      "Precondition Failed",
    );
  });
});
