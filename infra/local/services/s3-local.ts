import { createCipheriv } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { keepIdleConnections } from "./connections.js";
import { onExitSync, onShutdown } from "./process-lifecycle.js";

/**
 * s3rver (in-process, Koa based) bound to 127.0.0.1.
 *
 * - With `dataDir`, objects live under `<dataDir>/s3/<bucket>/...` (s3rver's filesystem store: one
 *   directory per bucket, `<key>._S3rver_object` + `<key>._S3rver_metadata.json` per object) and survive
 *   restarts. Without it a temp dir is used and removed on stop.
 * - Credentials S3RVER/S3RVER, path-style addressing (`forcePathStyle: true`).
 * - ListObjectsV2 continuation tokens are DES-encrypted by s3rver; on Node 17+ (OpenSSL 3) that throws
 *   `ERR_OSSL_EVP_UNSUPPORTED` unless the process runs with `--openssl-legacy-provider`. Only a
 *   *truncated* ListObjectsV2 (more keys than MaxKeys) or a request carrying `continuation-token` hits it.
 *   Put/Get/Head/Delete/CopyObject and form POST uploads are unaffected. s3rver answers such a request
 *   with a 500 InternalError. `handle.listPaginationSupported` tells which case applies.
 */

export const S3_LOCAL_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface S3LocalOptions {
  /** Persist under `<dataDir>/s3`; omitted = temp dir removed on stop. */
  dataDir?: string;
  /** Fixed port; omitted = an ephemeral port chosen by the kernel on 127.0.0.1. */
  port?: number;
  /** Buckets created on start (existing ones are kept with their content). */
  buckets: string[];
}

export interface S3LocalHandle {
  /** `http://127.0.0.1:<port>`; use with forcePathStyle, bucket URL = `${endpoint}/${bucket}`. */
  endpoint: string;
  port: number;
  /** Data directory of the filesystem store. */
  directory: string;
  /**
   * False when this process cannot use DES (Node >= 17 without `--openssl-legacy-provider`): then a
   * truncated ListObjectsV2 / a continuation-token request fails with 500 InternalError.
   */
  listPaginationSupported: boolean;
  /** Closes the HTTP server (dropping open connections) and removes the temp dir if one was used. */
  stop(): Promise<void>;
}

/** The subset of s3rver's (untyped, CommonJS) API used here. */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  resetOnClose: boolean;
  vhostBuckets: boolean;
  configureBuckets: { name: string; configs: (string | Buffer)[] }[];
}) => S3rverInstance;

const require = createRequire(import.meta.url);

export async function startS3Local(opts: S3LocalOptions): Promise<S3LocalHandle> {
  const S3rver = require("s3rver") as S3rverConstructor;
  const temporary = opts.dataDir === undefined;
  const directory = temporary ? await mkdtemp(join(tmpdir(), "s3-local-")) : resolve(opts.dataDir!, "s3");
  await mkdir(directory, { recursive: true });
  const removeTempDirSync = () => {
    if (temporary) rmSync(directory, { recursive: true, force: true });
  };
  const unregisterExit = onExitSync(removeTempDirSync);

  const server = new S3rver({
    address: "127.0.0.1",
    port: opts.port ?? 0,
    directory,
    silent: true,
    resetOnClose: false,
    vhostBuckets: false,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [] })),
  });

  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (err) {
    unregisterExit();
    if (temporary) await rm(directory, { recursive: true, force: true });
    throw new Error(`s3rver failed to start on 127.0.0.1:${opts.port ?? 0}: ${String(err)}`, { cause: err });
  }
  const port = address.port;
  if (server.httpServer) keepIdleConnections(server.httpServer);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      unregister();
      const closed = server.close();
      // http.Server#close waits for in-flight keep-alive sockets; we are shutting down, drop them.
      server.httpServer?.closeAllConnections();
      await closed;
      if (temporary) await rm(directory, { recursive: true, force: true });
      unregisterExit();
    })();
    return stopping;
  };
  const unregister = onShutdown(stop, `s3-local:${port}`);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    directory,
    listPaginationSupported: s3rverListPaginationSupported(),
    stop,
  };
}

/** Whether s3rver can mint ListObjectsV2 continuation tokens (DES-CBC) in this process. */
export function s3rverListPaginationSupported(): boolean {
  try {
    createCipheriv("des", Buffer.alloc(8), Buffer.alloc(8));
    return true;
  } catch {
    return false;
  }
}
