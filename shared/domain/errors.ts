/**
 * Errors the domain raises. Each carries a stable machine code, a kind (what went wrong, in terms a
 * caller can act on) and a title in Thai and English, so the HTTP layer can render RFC 9457
 * problem+json without knowing the rules; the HTTP status of each kind is the HTTP layer's
 * (shared/http/problem-details.ts).
 */
import type { FieldError } from "./field-errors";
import { amount, thaiDateTime } from "./texts/reader-format";

export type ErrorKind = "validation" | "unauthenticated" | "forbidden" | "notFound" | "conflict" | "gone";

/** A detail a person reads: in English and in Thai, always both (issue 16, §5). */
export type Detail = { en: string; th: string };

const detailOf = (detail: Detail | undefined) =>
  detail === undefined ? {} : { detail: detail.en, detailTh: detail.th };

export interface ProblemDetailsInit {
  code: string;
  kind: ErrorKind;
  titleTh: string;
  titleEn: string;
  detail?: string;
  /** The detail in Thai (issue 16, §5: the detail in both languages, not only the title). */
  detailTh?: string;
  /** Field-level problems, e.g. from zod, each in English and (`messageTh`) Thai. */
  errors?: FieldError[];
  /** RFC 9457 extension members: facts a client can act on (e.g. the application's status now). */
  extensions?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly titleTh: string;
  readonly titleEn: string;
  readonly detail: string | undefined;
  readonly detailTh: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  /** `options.cause`: the error this one stands for (e.g. a cancelled transaction and its reasons), so it survives the mapping. */
  constructor(init: ProblemDetailsInit, options?: ErrorOptions) {
    super(init.detail ?? init.titleEn, options);
    this.name = "DomainError";
    this.code = init.code;
    this.kind = init.kind;
    this.titleTh = init.titleTh;
    this.titleEn = init.titleEn;
    this.detail = init.detail;
    this.detailTh = init.detailTh;
    this.errors = init.errors;
    this.extensions = init.extensions;
  }
}

/** The catalogue of errors: one place so codes stay stable and translations stay together. */
export const problems = {
  invalidRequest: (detail?: Detail, errors?: FieldError[]) =>
    new DomainError({
      code: "INVALID_REQUEST",
      kind: "validation",
      titleTh: "ข้อมูลที่ส่งมาไม่ถูกต้อง",
      titleEn: "The request is not valid",
      ...detailOf(detail),
      errors,
    }),
  /**
   * A key the endpoint does not define, anywhere in the body (or query): refused rather than dropped,
   * so a misspelt optional field or a field the caller may not set (`status`) is never silently
   * ignored. Takes precedence over INVALID_REQUEST; `errors` lists every problem, each unknown key at
   * its own path. Unknown fields of a license type's form stay INVALID_FORM_DATA (docs/adr/0008).
   */
  unknownFields: (unknown: string[], errors: FieldError[]) =>
    new DomainError({
      code: "UNKNOWN_FIELDS",
      kind: "validation",
      titleTh: "คำขอมีช่องข้อมูลที่ระบบไม่รู้จัก",
      titleEn: "The request has fields this endpoint does not accept",
      detail: `Unknown: ${unknown.join(", ")}`,
      detailTh: `ช่องที่ระบบไม่รู้จัก: ${unknown.join(", ")}`,
      errors,
    }),
  invalidJson: () =>
    new DomainError({
      code: "INVALID_JSON",
      kind: "validation",
      titleTh: "เนื้อหาคำขอไม่ใช่ JSON ที่ถูกต้อง",
      titleEn: "The request body is not valid JSON",
    }),
  invalidFormData: (errors: FieldError[]) =>
    new DomainError({
      code: "INVALID_FORM_DATA",
      kind: "validation",
      titleTh: "ข้อมูลในแบบคำขอไม่ถูกต้องตามประเภทใบอนุญาต",
      titleEn: "The form data does not match the license type",
      errors,
    }),
  invalidCursor: (detail: Detail) =>
    new DomainError({
      code: "INVALID_CURSOR",
      kind: "validation",
      titleTh: "ตัวชี้หน้าถัดไป (cursor) ไม่ถูกต้อง กรุณาเริ่มจากหน้าแรก",
      titleEn: "The page cursor is not valid; start again from the first page",
      ...detailOf(detail),
    }),
  unauthenticated: (detail?: Detail) =>
    new DomainError({
      code: "UNAUTHENTICATED",
      kind: "unauthenticated",
      titleTh: "กรุณาเข้าสู่ระบบ",
      titleEn: "Authentication is required",
      ...detailOf(detail),
    }),
  forbidden: (detail?: Detail) =>
    new DomainError({
      code: "FORBIDDEN",
      kind: "forbidden",
      titleTh: "ท่านไม่มีสิทธิ์ดำเนินการนี้",
      titleEn: "You are not allowed to do this",
      ...detailOf(detail),
    }),
  applicationNotFound: () =>
    new DomainError({
      code: "APPLICATION_NOT_FOUND",
      kind: "notFound",
      titleTh: "ไม่พบคำขอ",
      titleEn: "Application not found",
    }),
  /** Not in the caller's inbox: someone else's notice is not found either (it does not say whose). */
  noticeNotFound: () =>
    new DomainError({
      code: "NOTICE_NOT_FOUND",
      kind: "notFound",
      titleTh: "ไม่พบการแจ้งเตือนนี้ในกล่องข้อความของท่าน",
      titleEn: "No such notice in your inbox",
    }),
  licenseTypeNotFound: (id: string) =>
    new DomainError({
      code: "LICENSE_TYPE_NOT_FOUND",
      kind: "notFound",
      titleTh: "ไม่พบประเภทใบอนุญาต",
      titleEn: "License type not found",
      detail: `No license type with id "${id}"`,
      detailTh: `ไม่มีประเภทใบอนุญาตรหัส "${id}"`,
    }),
  routeNotFound: () =>
    new DomainError({
      code: "ROUTE_NOT_FOUND",
      kind: "notFound",
      titleTh: "ไม่พบบริการที่เรียก",
      titleEn: "No such route",
    }),
  invalidTransition: (action: string, status: string) =>
    new DomainError({
      code: "INVALID_STATUS_FOR_ACTION",
      kind: "conflict",
      titleTh: "สถานะคำขอปัจจุบันไม่อนุญาตให้ดำเนินการนี้",
      titleEn: "The application's current status does not allow this action",
      detail: `Action "${action}" is not allowed while the application is ${status}`,
      detailTh: `ดำเนินการ "${action}" ไม่ได้ขณะคำขออยู่ในสถานะ ${status}`,
    }),
  concurrentModification: (options?: ErrorOptions) =>
    new DomainError(
      {
        code: "CONCURRENT_MODIFICATION",
        kind: "conflict",
        titleTh: "คำขอถูกแก้ไขโดยผู้อื่นในขณะเดียวกัน กรุณาโหลดข้อมูลใหม่",
        titleEn: "The application was changed by someone else at the same time; reload it",
      },
      options,
    ),
  workflowNotWaiting: (step: string) =>
    new DomainError({
      code: "WORKFLOW_NOT_WAITING",
      kind: "conflict",
      titleTh: "ขั้นตอนนี้ยังไม่พร้อมหรือสิ้นสุดไปแล้ว",
      titleEn: "The workflow is not waiting at this step",
      detail: `The workflow is not waiting at step "${step}"`,
      detailTh: `กระบวนงานไม่ได้รออยู่ที่ขั้นตอน "${step}"`,
    }),
  stepAlreadyDecided: (detail: Detail, current: Record<string, unknown>) =>
    new DomainError({
      code: "STEP_ALREADY_DECIDED",
      kind: "conflict",
      titleTh: "ขั้นตอนนี้ได้รับการดำเนินการไปแล้ว กรุณาโหลดข้อมูลคำขอใหม่",
      titleEn: "This step was already decided; reload the application",
      ...detailOf(detail),
      extensions: { current },
    }),
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
  fixDeadlinePassed: () =>
    new DomainError({
      code: "FIX_DEADLINE_PASSED",
      kind: "conflict",
      titleTh: "พ้นกำหนดเวลาแก้ไขเอกสารแล้ว",
      titleEn: "The deadline for the fix has passed",
    }),
  fixDeadlineTooFar: (maxDays: number, latest: string) =>
    new DomainError({
      code: "FIX_DEADLINE_TOO_FAR",
      kind: "validation",
      titleTh: `กำหนดเวลาแก้ไขเอกสารต้องไม่เกิน ${maxDays} วันนับจากวันนี้ (มาตรา 8)`,
      titleEn: `The fix deadline may be at most ${maxDays} days ahead (s.8)`,
      detail: `Set a deadline no later than ${latest} (${maxDays} calendar days from now)`,
      detailTh: `กำหนดได้ไม่เกิน ${thaiDateTime(latest)} (${maxDays} วันนับจากวันนี้)`,
    }),
  alreadyAcknowledged: () =>
    new DomainError({
      code: "FIX_REQUEST_ALREADY_ACKNOWLEDGED",
      kind: "conflict",
      titleTh: "ท่านได้รับทราบบันทึกความบกพร่องนี้แล้ว",
      titleEn: "The fix request was already acknowledged",
    }),
  fixNotAllowedAfterComplete: () =>
    new DomainError({
      code: "FIX_NOT_ALLOWED_AFTER_COMPLETE",
      kind: "conflict",
      titleTh: "ยืนยันความครบถ้วนของเอกสารแล้ว ไม่อาจเรียกเอกสารเพิ่มเติมได้ (มาตรา 8)",
      titleEn: "Documents were confirmed complete; no further documents may be demanded (s.8)",
    }),
  idempotencyKeyReused: () =>
    new DomainError({
      code: "IDEMPOTENCY_KEY_REUSED",
      kind: "conflict",
      titleTh: "รหัสป้องกันการทำซ้ำนี้ถูกใช้กับคำสั่งอื่นแล้ว",
      titleEn: "This idempotency key was already used for a different request",
    }),
  invalidFee: (detail: Detail) =>
    new DomainError({
      code: "INVALID_FEE",
      kind: "validation",
      titleTh: "ค่าธรรมเนียมไม่เป็นไปตามคู่มือสำหรับประชาชน",
      titleEn: "The fee does not follow the citizen manual",
      ...detailOf(detail),
    }),
  // Officer accounts (issue 4): bound to a national ID, one agency and the license types assigned.
  invalidNationalId: (detail: Detail) =>
    new DomainError({
      code: "INVALID_NATIONAL_ID",
      kind: "validation",
      titleTh: "เลขประจำตัวประชาชนไม่ถูกต้อง",
      titleEn: "The Thai national ID number is not valid",
      ...detailOf(detail),
    }),
  officerNotAssigned: (detail?: Detail) =>
    new DomainError({
      code: "OFFICER_NOT_ASSIGNED",
      kind: "forbidden",
      titleTh: "ท่านไม่ได้รับมอบหมายให้ดูแลใบอนุญาตประเภทนี้",
      titleEn: "You are not assigned to this license type",
      ...detailOf(detail),
    }),
  officerAccountNotFound: (userId: string) =>
    new DomainError({
      code: "OFFICER_ACCOUNT_NOT_FOUND",
      kind: "notFound",
      titleTh: "ไม่พบบัญชีเจ้าหน้าที่",
      titleEn: "Officer account not found",
      detail: `No officer account "${userId}" in this agency`,
      detailTh: `ไม่มีบัญชีเจ้าหน้าที่ "${userId}" ในหน่วยงานนี้`,
    }),
  licenseTypeNotOfAgency: (licenseTypeId: string, agencyId: string) =>
    new DomainError({
      code: "LICENSE_TYPE_NOT_OF_AGENCY",
      kind: "validation",
      titleTh: "ประเภทใบอนุญาตนี้ไม่ได้อยู่ในความรับผิดชอบของหน่วยงาน",
      titleEn: "This license type is not issued by the agency",
      detail: `License type "${licenseTypeId}" is not issued by ${agencyId}`,
      detailTh: `ประเภทใบอนุญาต "${licenseTypeId}" ไม่ได้ออกโดย ${agencyId}`,
    }),
  userNotInAgency: (userId: string) =>
    new DomainError({
      code: "USER_NOT_IN_AGENCY",
      kind: "notFound",
      titleTh: "ไม่พบผู้ใช้รายนี้ในหน่วยงานของท่าน",
      titleEn: "No user of your agency has this id",
      detail: `User ${userId} is not a user of your agency: an administrator creates officers' sign-ins and sets their agency first`,
      detailTh: `ผู้ใช้ ${userId} ไม่ได้อยู่ในหน่วยงานของท่าน ผู้ดูแลระบบต้องสร้างบัญชีเข้าระบบของเจ้าหน้าที่และกำหนดหน่วยงานก่อน`,
    }),
  nationalIdInUse: (options?: ErrorOptions) =>
    new DomainError(
      {
        code: "NATIONAL_ID_IN_USE",
        kind: "conflict",
        titleTh: "เลขประจำตัวประชาชนนี้ผูกกับบัญชีเจ้าหน้าที่อื่นของหน่วยงานแล้ว",
        titleEn: "This national ID is already bound to another officer account of the agency",
      },
      options,
    ),
  supervisorCannotDemoteSelf: () =>
    new DomainError({
      code: "SUPERVISOR_CANNOT_DEMOTE_SELF",
      kind: "conflict",
      titleTh: "หัวหน้าไม่อาจถอนสิทธิ์หัวหน้าหรือระงับบัญชีของตนเองได้",
      titleEn: "A supervisor cannot remove their own supervisor flag or deactivate themselves",
      detail: "Ask another supervisor or the agency administrator",
      detailTh: "ขอให้หัวหน้าคนอื่นหรือผู้ดูแลระบบของหน่วยงานดำเนินการ",
    }),
  officerAccountChanged: (options?: ErrorOptions) =>
    new DomainError(
      {
        // The same stable code as for applications: clients handle every lost optimistic lock alike.
        code: "CONCURRENT_MODIFICATION",
        kind: "conflict",
        titleTh: "บัญชีเจ้าหน้าที่ถูกแก้ไขโดยผู้อื่นในขณะเดียวกัน กรุณาโหลดข้อมูลใหม่",
        titleEn: "The officer account was changed by someone else at the same time; reload it",
      },
      options,
    ),
  // The local stack's operator clock (never deployed): kept here so every code has one home.
  clockCannotGoBack: (detail: string) =>
    new DomainError({
      code: "CLOCK_CANNOT_GO_BACK",
      kind: "conflict",
      titleTh: "ไม่สามารถย้อนเวลาของระบบได้",
      titleEn: "The clock only moves forward",
      detail,
    }),
  clockOutsideCalendar: (detail: string) =>
    new DomainError({
      code: "CLOCK_OUTSIDE_CALENDAR",
      kind: "conflict",
      titleTh: "เวลาที่ระบุอยู่นอกช่วงปีที่มีข้อมูลวันหยุดราชการ",
      titleEn: "The holiday calendar does not cover that time",
      detail,
    }),
};
