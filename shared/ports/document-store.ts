/** An uploaded object as the API has verified it (size, type, and the hash of its bytes). */
export interface StoredObject {
  size: number;
  contentType: string | undefined;
  sha256: string;
}

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/** The document record: one upload, reused by every application of the same applicant. */
export interface DocumentRecord {
  ownerId: string;
  sha256: string;
  objectKey: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface DocumentStore {
  presignUpload(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresSeconds: number;
  }): Promise<PresignedUpload>;
  /** Reads the object back and hashes it; undefined when nothing was uploaded under the key. */
  inspect(key: string): Promise<StoredObject | undefined>;
}

export interface DocumentRegistry {
  put(record: DocumentRecord): Promise<void>;
  get(ownerId: string, sha256: string): Promise<DocumentRecord | undefined>;
}

export function documentObjectKey(ownerId: string, sha256: string): string {
  return `documents/${ownerId}/${sha256}`;
}
