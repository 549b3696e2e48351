/**
 * Upload limits: what an agency accepts as a scanned document. A rule of the domain (checked again on
 * the uploaded bytes, shared/domain/document-upload.ts) that the presign request schema also enforces;
 * kept in a file of its own so the schemas do not pull the upload checks' libraries into every bundle.
 */
export const acceptedDocumentTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export const maxDocumentBytes = 10 * 1024 * 1024;
