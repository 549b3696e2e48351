import { createHash, createHmac } from "node:crypto";
import { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { presignGet } from "../../../shared/adapters/s3/presign-get";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

/** S3's own check of a query-signed GET (SigV4, UNSIGNED-PAYLOAD), written out independently. */
function expectedSignature(url: URL): string {
  const query = [...url.searchParams.entries()]
    .filter(([k]) => k !== "X-Amz-Signature")
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])
    .sort(([a], [b]) => (a! < b! ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const signed = url.searchParams.get("X-Amz-SignedHeaders")!;
  expect(signed).toBe("host");
  const canonical = ["GET", url.pathname, query, `host:${url.host}\n`, signed, "UNSIGNED-PAYLOAD"].join("\n");
  const date = url.searchParams.get("X-Amz-Date")!;
  const scope = url.searchParams.get("X-Amz-Credential")!.split("/").slice(1).join("/");
  const toSign = ["AWS4-HMAC-SHA256", date, scope, createHash("sha256").update(canonical).digest("hex")].join(
    "\n",
  );
  const [day, region, service] = scope.split("/");
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day!), region!), service!),
    "aws4_request",
  );
  return createHmac("sha256", key).update(toSign).digest("hex");
}

describe("presignGet", () => {
  it("signs a GET of exactly one object version, for the given time, as S3 verifies it", async () => {
    const s3 = new S3Client({ region: "ap-southeast-7", credentials });
    const url = new URL(
      await presignGet(s3, {
        bucket: "docs-bucket",
        key: "documents/u-1/abc/01JNZ8Y7M3Q4R5S6T7V8W9X0Y1",
        versionId: "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY",
        expiresSeconds: 300,
      }),
    );
    expect(url.host).toBe("docs-bucket.s3.ap-southeast-7.amazonaws.com");
    expect(url.pathname).toBe("/documents/u-1/abc/01JNZ8Y7M3Q4R5S6T7V8W9X0Y1");
    expect(url.searchParams.get("versionId")).toBe("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("X-Amz-Signature")).toBe(expectedSignature(url));
  });

  it("keeps a path-style endpoint's bucket in the path (the local s3rver)", async () => {
    const s3 = new S3Client({
      region: "us-east-1",
      credentials,
      endpoint: "http://127.0.0.1:4569",
      forcePathStyle: true,
    });
    const url = new URL(await presignGet(s3, { bucket: "local", key: "documents/a/b", expiresSeconds: 60 }));
    expect(`${url.origin}${url.pathname}`).toBe("http://127.0.0.1:4569/local/documents/a/b");
    expect(url.searchParams.has("versionId")).toBe(false);
    expect(url.searchParams.get("X-Amz-Signature")).toBe(expectedSignature(url));
  });
});
