import { fileTypeFromBuffer } from "file-type";
import { acceptedDocumentTypes } from "./document-limits";
import { problems } from "./errors";

/** What the applicant declared when asking for an upload link (kept with the pending upload). */
export interface DeclaredUpload {
  size: number;
  contentType: string;
  sha256: string;
}

/** What the API found when it read the upload back. */
export interface UploadedContent {
  size: number;
  /** Absent when the object is larger than declared: it is refused without being read in full. */
  sha256?: string | undefined;
  /** The Content-Type stored with the object (the upload form's field); undefined if none was sent. */
  storedType?: string | undefined;
  /** What the leading bytes say (magic numbers); undefined when no known signature matches. */
  detectedType?: string | undefined;
}

/**
 * The bytes are accepted only if they are exactly what was declared at presign: the same size, the
 * same digest, and content of the declared type by its magic bytes, not by its label. A label
 * (Content-Type, file name) costs nothing to forge; an HTML page renamed `.pdf` is still HTML.
 */
export function assertUploadMatchesDeclaration(declared: DeclaredUpload, uploaded: UploadedContent): void {
  if (uploaded.size !== declared.size) throw problems.documentSizeMismatch(declared.size, uploaded.size);
  if (uploaded.sha256 !== declared.sha256)
    throw problems.documentNotAccepted({
      en: "The uploaded bytes do not match the declared SHA-256",
      th: "เนื้อหาไฟล์ที่อัปโหลดไม่ตรงกับค่า SHA-256 ที่แจ้งไว้",
    });
  if (!(acceptedDocumentTypes as readonly string[]).includes(declared.contentType))
    throw problems.documentNotAccepted({
      en: `Type ${declared.contentType} is not accepted (PDF, JPEG or PNG)`,
      th: `ไม่รับไฟล์ชนิด ${declared.contentType} (รับเฉพาะ PDF, JPEG หรือ PNG)`,
    });
  if (uploaded.storedType !== undefined && uploaded.storedType !== declared.contentType)
    throw problems.documentTypeMismatch(declared.contentType, `${uploaded.storedType} (upload form)`);
  if (uploaded.detectedType !== declared.contentType)
    throw problems.documentTypeMismatch(
      declared.contentType,
      uploaded.detectedType ?? "unrecognised content",
    );
}

/** The MIME type the file's signature says (`%PDF`, JPEG SOI, PNG header…), by the `file-type` library. */
export async function detectDocumentType(bytes: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(bytes))?.mime;
}
