import { type Detail, DomainError, detailOf } from "./domain-error";
import { amount, thaiDateTime } from "./texts/reader-format";

/** The errors of required documents: declaring, uploading, attaching, holding them once. */
export const documentProblems = {
  missingDocuments: (keys: string[]) =>
    new DomainError({
      code: "MISSING_REQUIRED_DOCUMENTS",
      kind: "validation",
      titleTh: "ยังไม่ได้แนบเอกสารที่จำเป็น",
      titleEn: "Required documents are missing",
      detail: `Missing: ${keys.join(", ")}`,
      detailTh: `ยังขาดเอกสาร: ${keys.join(", ")}`,
    }),
  unknownDocumentRequirement: (key: string) =>
    new DomainError({
      code: "UNKNOWN_DOCUMENT_REQUIREMENT",
      kind: "validation",
      titleTh: "ประเภทใบอนุญาตนี้ไม่มีรายการเอกสารดังกล่าว",
      titleEn: "This license type has no such required document",
      detail: `Unknown document requirement "${key}"`,
      detailTh: `ไม่มีรายการเอกสาร "${key}"`,
    }),
  documentNotAccepted: (detail: Detail) =>
    new DomainError({
      code: "DOCUMENT_NOT_ACCEPTED",
      kind: "validation",
      titleTh: "เอกสารไม่เป็นไปตามเงื่อนไข",
      titleEn: "The document does not meet the upload conditions",
      ...detailOf(detail),
    }),
  // Issue 13: the bytes read back at attach must be what was declared at presign (S3 enforces the
  // same in AWS through the POST policy; the local stand-in does not, so the API checks it itself).
  documentSizeMismatch: (declared: number, uploaded: number) =>
    new DomainError({
      code: "DOCUMENT_SIZE_MISMATCH",
      kind: "validation",
      titleTh: "ขนาดไฟล์ที่อัปโหลดไม่ตรงกับขนาดที่แจ้งไว้",
      titleEn: "The uploaded file's size differs from the size declared",
      detail: `Declared ${declared} bytes, uploaded ${uploaded} bytes`,
      detailTh: `แจ้งไว้ ${amount(declared)} ไบต์ แต่อัปโหลด ${amount(uploaded)} ไบต์`,
    }),
  documentTypeMismatch: (declared: string, found: string) =>
    new DomainError({
      code: "DOCUMENT_TYPE_MISMATCH",
      kind: "validation",
      titleTh: "เนื้อหาของไฟล์ไม่ตรงกับประเภทไฟล์ที่แจ้งไว้",
      titleEn: "The file's content is not of the declared type",
      detail: `Declared ${declared}, found ${found}`,
      detailTh: `แจ้งไว้เป็น ${declared} แต่เนื้อหาเป็น ${found}`,
    }),
  // Issue 16: documents held once and attached by id.
  documentNotFound: () =>
    new DomainError({
      code: "DOCUMENT_NOT_FOUND",
      kind: "notFound",
      titleTh: "ไม่พบเอกสารนี้ในเอกสารของท่าน",
      titleEn: "No document of yours has this id",
    }),
  documentExpired: (validUntil: string) =>
    new DomainError({
      code: "DOCUMENT_EXPIRED",
      kind: "validation",
      titleTh: "เอกสารนี้หมดอายุแล้ว กรุณาอัปโหลดฉบับใหม่",
      titleEn: "This document has expired; upload a new one",
      detail: `Valid until ${validUntil}`,
      detailTh: `ใช้ได้ถึง ${thaiDateTime(validUntil)}`,
      extensions: { validUntil },
    }),
  documentNotAttached: (key: string) =>
    new DomainError({
      code: "DOCUMENT_NOT_ATTACHED",
      kind: "notFound",
      titleTh: "คำขอนี้ยังไม่ได้แนบเอกสารดังกล่าว",
      titleEn: "No document is attached under this key",
      detail: `Nothing attached as "${key}"`,
    }),
  documentsLocked: (status: string) =>
    new DomainError({
      code: "DOCUMENTS_LOCKED",
      kind: "conflict",
      titleTh: "ไม่สามารถแนบเอกสารในสถานะนี้ได้",
      titleEn: "Documents cannot be changed in this status",
      detail: `Documents can be changed only in a draft or while a fix is requested (now ${status})`,
      detailTh: `แก้ไขเอกสารได้เฉพาะคำขอร่างหรือระหว่างที่เจ้าหน้าที่ขอให้แก้ไข (ขณะนี้ ${status})`,
    }),
  documentNotInFixRequest: (key: string) =>
    new DomainError({
      code: "DOCUMENT_NOT_IN_FIX_REQUEST",
      kind: "validation",
      titleTh: "เอกสารนี้ไม่อยู่ในรายการที่เจ้าหน้าที่ขอให้แก้ไข",
      titleEn: "This document is not listed in the fix request",
      detail: `Document "${key}" was not requested`,
      detailTh: `เจ้าหน้าที่ไม่ได้ขอเอกสาร "${key}"`,
    }),
};
