/** An uploaded object as read back by the API: its size, its label and (when read in full) its bytes. */
export interface StoredObject {
  size: number;
  contentType: string | undefined;
  /** The bytes and their digest; absent when the object is larger than the caller's limit. */
  content?: { bytes: Uint8Array; sha256: string };
}

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/**
 * An upload link handed out and not yet verified: what the applicant declared, and the fresh key the
 * link writes to. Attach compares the bytes under that key with this declaration.
 */
export interface PendingUpload {
  ownerId: string;
  uploadId: string;
  objectKey: string;
  sha256: string;
  size: number;
  contentType: string;
  createdAt: string;
}

/**
 * The document record: verified bytes kept under a key no upload link ever names, reused by every
 * application of the same applicant. `versionId` pins the exact S3 object version (absent where the
 * store has no versions, e.g. the local stand-in, and on records made before issue 13).
 */
export interface DocumentRecord {
  ownerId: string;
  sha256: string;
  objectKey: string;
  versionId?: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  /** The catalog document it was uploaded as (issue 16; absent on older records). */
  documentKey?: string;
  licenseTypeId?: string;
  /** The issue date the applicant stated (YYYY-MM-DD), from which a validity rule counts. */
  issuedOn?: string;
}

/** A presigned GET of one object version, for a browser to follow. */
export interface PresignedDownload {
  url: string;
  expiresAt: string;
}

export interface DocumentStore {
  /** A form POST that can write only `key`, only `size` bytes of `contentType` whose SHA-256 is `sha256`. */
  presignUpload(input: {
    key: string;
    contentType: string;
    size: number;
    sha256: string;
    expiresSeconds: number;
  }): Promise<PresignedUpload>;
  /**
   * Reads an object back and hashes it (a version when given); undefined when nothing is stored under
   * the key. An object over `maxBytes` is not read in full: its `content` is absent.
   */
  inspect(key: string, options: { maxBytes: number; versionId?: string }): Promise<StoredObject | undefined>;
  /**
   * Stores verified bytes under a key no upload link names, refusing to replace anything there
   * (write-once); returns the version written, if the store keeps versions.
   */
  keep(input: {
    key: string;
    bytes: Uint8Array;
    contentType: string;
    sha256: string;
  }): Promise<{ versionId?: string }>;
  /** A short-lived link that reads exactly this object (this version, when given), nothing else. */
  presignDownload(input: {
    key: string;
    versionId?: string;
    expiresSeconds: number;
  }): Promise<PresignedDownload>;
}

export interface DocumentPage {
  items: DocumentRecord[];
  cursor?: string;
}

export interface DocumentRegistry {
  /** Records a verified document unless one exists for the digest; returns the record that holds. */
  put(record: DocumentRecord): Promise<DocumentRecord>;
  get(ownerId: string, sha256: string): Promise<DocumentRecord | undefined>;
  /** The owner's documents, a page at a time in digest order (`cursor` from the previous page). */
  list(ownerId: string, page: { limit: number; cursor?: string }): Promise<DocumentPage>;
  putUpload(upload: PendingUpload): Promise<void>;
  /** The pending uploads declared with this digest, newest first. */
  uploadsFor(ownerId: string, sha256: string): Promise<PendingUpload[]>;
}

/** Where an upload link writes: a fresh id per link, so a link can never reach verified bytes. */
export function uploadObjectKey(ownerId: string, uploadId: string): string {
  return `uploads/${ownerId}/${uploadId}`;
}

/** Where verified bytes are kept: written once by the API, after the check, never by a link. */
export function documentObjectKey(ownerId: string, sha256: string, uploadId: string): string {
  return `documents/${ownerId}/${sha256}/${uploadId}`;
}
