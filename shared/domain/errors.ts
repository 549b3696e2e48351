/**
 * Errors the domain raises. Each carries a stable machine code, a kind (what went wrong, in terms a
 * caller can act on) and a title in Thai and English, so the HTTP layer can render RFC 9457
 * problem+json without knowing the rules; the HTTP status of each kind is the HTTP layer's
 * (shared/http/problem-details.ts). The catalogue is split by concept; `problems` is all of it.
 */
import { documentProblems } from "./document-problems";
import { type Detail, DomainError, detailOf } from "./domain-error";
import type { FieldError } from "./field-errors";
import { officerProblems } from "./officer-problems";
import { thaiDateTime } from "./texts/reader-format";

export { type Detail, DomainError, type ErrorKind, type ProblemDetailsInit } from "./domain-error";

/** Requests, access, applications and their steps. */
const requestProblems = {
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
  // The local stack's operator clock (never deployed): kept here so every code has one home.
  clockCannotGoBack: (detail: Detail) =>
    new DomainError({
      code: "CLOCK_CANNOT_GO_BACK",
      kind: "conflict",
      titleTh: "ไม่สามารถย้อนเวลาของระบบได้",
      titleEn: "The clock only moves forward",
      ...detailOf(detail),
    }),
  clockOutsideCalendar: (detail: Detail) =>
    new DomainError({
      code: "CLOCK_OUTSIDE_CALENDAR",
      kind: "conflict",
      titleTh: "เวลาที่ระบุอยู่นอกช่วงปีที่มีข้อมูลวันหยุดราชการ",
      titleEn: "The holiday calendar does not cover that time",
      ...detailOf(detail),
    }),
};

/** The catalogue of errors: one place so codes stay stable and translations stay together. */
export const problems = { ...requestProblems, ...documentProblems, ...officerProblems };
