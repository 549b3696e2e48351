import { S3Client } from "@aws-sdk/client-s3";
import type { DocumentStore } from "../../ports/document-store";
import { env } from "../environment";
import { S3DocumentStore } from "../s3/document-store";
import { provider } from "./provider";

export const documentStore = provider<DocumentStore>(
  () =>
    new S3DocumentStore(
      new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === "true" }),
      env.bucketName(),
    ),
);
