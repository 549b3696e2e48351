import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { formatUrl } from "@aws-sdk/core/util";
import { getEndpointFromInstructions, toEndpointV1 } from "@smithy/core/endpoints";
import { SignatureV4 } from "@smithy/signature-v4";

/**
 * A query-signed GET of one object (one version, when given), the way `@aws-sdk/s3-request-presigner`
 * makes it: the object's URL from the client's own endpoint rules (so the local s3rver and AWS are
 * treated alike), signed with SigV4 for `expiresSeconds`. Written here with the signer the S3 client
 * and `@aws-sdk/s3-presigned-post` already bring, rather than adding the presigner package.
 */
export async function presignGet(
  s3: S3Client,
  input: { bucket: string; key: string; versionId?: string; expiresSeconds: number },
): Promise<string> {
  const endpoint = toEndpointV1(
    await getEndpointFromInstructions({ Bucket: input.bucket, Key: input.key }, GetObjectCommand, {
      ...s3.config,
    }),
  );
  const base = new URL(formatUrl(endpoint));
  const path = `${base.pathname.replace(/\/$/, "")}/${input.key.split("/").map(encodeURIComponent).join("/")}`;
  const signer = new SignatureV4({
    credentials: s3.config.credentials,
    region: await s3.config.region(),
    service: "s3",
    sha256: s3.config.sha256,
    // S3 signs the path as sent, without encoding it a second time.
    uriEscapePath: false,
  });
  const signed = await signer.presign(
    {
      method: "GET",
      protocol: base.protocol,
      hostname: base.hostname,
      ...(base.port ? { port: Number(base.port) } : {}),
      path,
      query: input.versionId ? { versionId: input.versionId } : {},
      // Query-signed S3 requests are verified over UNSIGNED-PAYLOAD, never over a body hash.
      headers: { host: base.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    },
    { expiresIn: input.expiresSeconds },
  );
  const url = new URL(`${base.protocol}//${base.host}${signed.path}`);
  for (const [name, value] of Object.entries(signed.query ?? {}))
    if (typeof value === "string") url.searchParams.set(name, value);
  return url.toString();
}
