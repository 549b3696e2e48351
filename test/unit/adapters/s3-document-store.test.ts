import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { GetObjectCommand, type GetObjectCommandOutput, NoSuchKey, S3Client } from "@aws-sdk/client-s3";
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

const key = "documents/applicant-1/abc";
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
    expect(await store.inspect(key)).toEqual({
      size: Buffer.byteLength(bytes, "utf8"),
      contentType: "application/pdf",
      sha256: createHash("sha256").update(bytes, "utf8").digest("hex"),
    });
  });

  it("gives the SHA-256 of the empty string for an empty object", async () => {
    s3.on(GetObjectCommand).resolves({ Body: body() });
    expect(await store.inspect(key)).toEqual({
      size: 0,
      contentType: undefined,
      sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    });
  });

  it("returns undefined when nothing was uploaded under the key", async () => {
    s3.on(GetObjectCommand).rejects(
      new NoSuchKey({ $metadata: {}, message: "The specified key does not exist." }),
    );
    expect(await store.inspect(key)).toBeUndefined();
    s3.on(GetObjectCommand).rejects(Object.assign(new Error("missing"), { name: "NoSuchKey" }));
    expect(await store.inspect(key)).toBeUndefined();
  });

  it("passes on other errors", async () => {
    s3.on(GetObjectCommand).rejects(Object.assign(new Error("Access Denied"), { name: "AccessDenied" }));
    await expect(store.inspect(key)).rejects.toThrow("Access Denied");
  });
});

describe("S3DocumentStore.presignUpload", () => {
  it("pins the key, the content type and the size range in the signed policy", async () => {
    const before = Date.now();
    const upload = await store.presignUpload({
      key,
      contentType: "application/pdf",
      maxBytes: 10 * 1024 * 1024,
      expiresSeconds: 300,
    });
    expect(upload.url).toContain("bizportal-documents");
    expect(upload.fields.key).toBe(key);
    expect(upload.fields["Content-Type"]).toBe("application/pdf");
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, "base64").toString("utf8"));
    expect(policy.conditions).toContainEqual(["content-length-range", 1, 10 * 1024 * 1024]);
    expect(policy.conditions).toContainEqual(["eq", "$Content-Type", "application/pdf"]);
    expect(policy.conditions).toContainEqual({ key });
    const expiresAt = Date.parse(upload.expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(300_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(300_000);
    expect(s3.calls()).toHaveLength(0);
  });
});
