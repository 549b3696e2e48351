import { createHash } from "node:crypto";
import type {
  DocumentPage,
  DocumentRecord,
  DocumentRegistry,
  DocumentStore,
  PendingUpload,
  PresignedUpload,
  StoredObject,
} from "../../../shared/ports/document-store";

/**
 * An in-memory bucket. Like the local stand-in (s3rver), a form POST to an upload link checks no
 * policy (`upload` writes anything to any key), so the service's own checks are what is tested.
 */
export class FakeDocumentStore implements DocumentStore {
  readonly objects = new Map<string, { bytes: Buffer; contentType: string | undefined; versionId: string }>();
  readonly presigned: Parameters<DocumentStore["presignUpload"]>[0][] = [];
  readonly kept: string[] = [];
  readonly reads: string[] = [];
  private versions = 0;

  async presignUpload(input: Parameters<DocumentStore["presignUpload"]>[0]): Promise<PresignedUpload> {
    this.presigned.push(input);
    return { url: "https://bucket.example", fields: { key: input.key }, expiresAt: "2026-03-02T03:15:00Z" };
  }

  /** What a form POST to an upload link does here: writes the bytes, whatever they are. */
  upload(key: string, bytes: Buffer, contentType: string | undefined = "application/pdf"): void {
    this.objects.set(key, { bytes: Buffer.from(bytes), contentType, versionId: `v${++this.versions}` });
  }

  async inspect(key: string, options: { maxBytes: number }): Promise<StoredObject | undefined> {
    this.reads.push(key);
    const object = this.objects.get(key);
    if (!object) return undefined;
    const { bytes, contentType } = object;
    if (bytes.length > options.maxBytes) return { size: bytes.length, contentType };
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { size: bytes.length, contentType, content: { bytes: Buffer.from(bytes), sha256 } };
  }

  async keep(input: Parameters<DocumentStore["keep"]>[0]): Promise<{ versionId?: string }> {
    if (this.objects.has(input.key))
      throw Object.assign(new Error("At least one of the pre-conditions you specified did not hold"), {
        name: "PreconditionFailed",
      });
    this.kept.push(input.key);
    this.upload(input.key, Buffer.from(input.bytes), input.contentType);
    return { versionId: this.objects.get(input.key)!.versionId };
  }

  async presignDownload(input: Parameters<DocumentStore["presignDownload"]>[0]) {
    const version = input.versionId ? `?versionId=${input.versionId}` : "";
    return { url: `https://bucket.example/${input.key}${version}`, expiresAt: "2026-03-02T03:05:00Z" };
  }
}

export class FakeDocumentRegistry implements DocumentRegistry {
  readonly records = new Map<string, DocumentRecord>();
  readonly uploads: PendingUpload[] = [];
  /** A record another attach wrote between our `get` and our `put` (a lost race). */
  raceWinner: DocumentRecord | undefined;

  async put(record: DocumentRecord): Promise<DocumentRecord> {
    const key = `${record.ownerId}/${record.sha256}`;
    if (this.raceWinner) this.records.set(key, this.raceWinner);
    const existing = this.records.get(key);
    if (existing) return existing;
    this.records.set(key, structuredClone(record));
    return record;
  }

  async get(ownerId: string, sha256: string): Promise<DocumentRecord | undefined> {
    return this.records.get(`${ownerId}/${sha256}`);
  }

  async list(ownerId: string, page: { limit: number; cursor?: string }): Promise<DocumentPage> {
    const mine = [...this.records.values()]
      .filter((r) => r.ownerId === ownerId && (!page.cursor || r.sha256 > page.cursor))
      .sort((a, b) => a.sha256.localeCompare(b.sha256));
    const items = mine.slice(0, page.limit);
    return mine.length > page.limit ? { items, cursor: items.at(-1)!.sha256 } : { items };
  }

  async putUpload(upload: PendingUpload): Promise<void> {
    this.uploads.push(structuredClone(upload));
  }

  async uploadsFor(ownerId: string, sha256: string): Promise<PendingUpload[]> {
    return this.uploads
      .filter((u) => u.ownerId === ownerId && u.sha256 === sha256)
      .sort((a, b) => b.uploadId.localeCompare(a.uploadId));
  }
}
