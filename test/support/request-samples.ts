import { requestBodies } from "../../functions/api/openapi-document";
import { apiRoutes } from "../../functions/api/routes";
import { completeFoodForm, foodLicenseTypeId } from "./api-client";

/**
 * One or more valid bodies for every write route of the manifest: the malformed-request sweep
 * (test/e2e/malformed-requests.test.ts) derives its bad bodies from them (plus an unknown key, each
 * string made unsafe, each value of the wrong type), and test/unit/schemas/request-schemas.test.ts
 * proves each parses, so a refusal in the sweep is the refusal of the bad part alone. Valid in the
 * sweep's context too: sent unchanged, each would change the application or the account it targets.
 */
export interface WriteSample {
  /** Who would be allowed: the demo user the sweep signs in as. */
  caller: "applicant" | "officer" | "supervisor";
  /**
   * What {id} or {userId} names: a complete draft (documents attached, not submitted), an
   * application waiting at the completeness check, one waiting for the applicant's fix, or an
   * officer account of the supervisor's agency.
   */
  target: "none" | "draft" | "submitted" | "fixRequested" | "officerAccount" | "business";
  bodies: Record<string, unknown>[];
  /** The endpoint accepts `{}` (everything optional), so the sweep does not send it as malformed. */
  emptyBodyValid?: boolean;
}

const sha256 = "5f2b8e4c1a9d3f7e6b0c2a4d8e1f3b5a7c9e0d2f4a6b8c1e3d5f7a9b0c2e4d6f";
const deadline = "2031-01-15T16:30:00+07:00";
const sampleNationalId = "3-1006-00231-45-7";

/** A business profile (issue 16): a juristic person whose registration number has a valid check digit. */
export const sampleBusiness = {
  operator: { type: "juristicPerson", idNumber: "0105536092641", name: "บริษัท ครัวคลองด่าน จำกัด" },
  businessName: "ครัวคลองด่าน",
  premisesAddress: "99 ม.3 ต.คลองด่าน อ.บางบ่อ สมุทรปราการ",
  contacts: { phone: "021234567", email: "owner@krua.example" },
  facts: { premisesAreaSqm: 350, kind: "foodSale" },
};

export const writeSamples: Record<string, WriteSample> = {
  "POST /applications": {
    caller: "applicant",
    target: "none",
    bodies: [{ licenseTypeId: foodLicenseTypeId, formData: completeFoodForm }],
  },
  "PATCH /applications/{id}": {
    caller: "applicant",
    target: "draft",
    bodies: [{ formData: { ...completeFoodForm, businessName: "ร้านอาหารครัวคลองด่าน" } }],
  },
  "POST /applications/{id}/documents": {
    caller: "applicant",
    target: "draft",
    bodies: [
      {
        documentKey: "powerOfAttorney",
        fileName: "หนังสือมอบอำนาจ.pdf",
        contentType: "application/pdf",
        size: 2048,
        sha256,
      },
    ],
  },
  "PUT /applications/{id}/documents/{documentKey}": {
    caller: "applicant",
    target: "draft",
    bodies: [
      { sha256, fileName: "สำเนาบัตรประชาชน.pdf" },
      { sha256, fileName: "ใบรับรองแพทย์.pdf", issuedOn: "2026-01-15" },
      // Issue 16: a document the applicant already holds, by its id.
      { documentId: sha256 },
    ],
  },
  "POST /applications/{id}/submit": {
    caller: "applicant",
    target: "draft",
    bodies: [{}],
    emptyBodyValid: true,
  },
  "POST /applications/{id}/fixes": {
    caller: "applicant",
    target: "fixRequested",
    bodies: [{ comment: "แนบใบรับรองแพทย์ฉบับใหม่แล้ว\nขอบคุณค่ะ" }],
    emptyBodyValid: true,
  },
  "POST /applications/{id}/fix-request/acknowledgement": {
    caller: "applicant",
    target: "fixRequested",
    bodies: [{}],
    emptyBodyValid: true,
  },
  "POST /applications/{id}/withdraw": {
    caller: "applicant",
    target: "fixRequested",
    bodies: [{ reason: "เปลี่ยนสถานที่ประกอบกิจการ" }],
    emptyBodyValid: true,
  },
  "POST /officer/applications/{id}/actions": {
    caller: "officer",
    target: "submitted",
    bodies: [
      {
        action: "request-fix",
        items: [{ documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ" }],
        deadline,
        comment: "โปรดแนบภายในกำหนด",
      },
      { action: "confirm-complete", comment: "เอกสารครบถ้วน" },
      {
        action: "schedule-inspection",
        scheduledAt: deadline,
        place: "99/1 ม.3 ต.คลองด่าน",
        comment: "นัดตรวจ",
      },
      { action: "record-inspection", result: "passed", findings: "สถานที่สะอาด\nผ่านเกณฑ์" },
      { action: "record-delay-reason", reason: "รอผลตรวจน้ำ" },
      { action: "record-committee-resolution", resolution: "recommendApproval", minutes: "มติที่ประชุม" },
      { action: "approve", feeTHB: 3000, comment: "อนุญาต" },
      { action: "reject", reasons: ["พื้นที่ไม่ถูกสุขลักษณะ"] },
      {
        action: "issue-assessment",
        assessmentNumber: "ภ.ป.3-001/2570",
        amountTHB: 200,
        trackingNumber: "EF123456789TH",
      },
      { action: "confirm-payment", channel: "counter", receiptNumber: "R-2570-0001", amountTHB: 3000 },
      {
        action: "confirm-payment",
        channel: "billPayment",
        receiptNumber: "R-2570-0002",
        amountTHB: 200,
        reference: "REF-0001",
      },
      { action: "issue-license", comment: "ออกใบอนุญาต" },
      { action: "confirm-pickup", collectedBy: "นางสาวสมศรี ใจดี" },
    ],
  },
  "PUT /agency/officers/{userId}": {
    caller: "supervisor",
    target: "officerAccount",
    bodies: [
      {
        nationalId: sampleNationalId,
        email: "somsri@khlongdan.go.th",
        licenseTypeIds: [foodLicenseTypeId],
        supervisor: false,
        active: true,
      },
    ],
  },
  "POST /agency/officers/{userId}/assignments": {
    caller: "supervisor",
    target: "officerAccount",
    bodies: [{ licenseTypeIds: [foodLicenseTypeId] }],
  },
  "POST /businesses": { caller: "applicant", target: "none", bodies: [sampleBusiness] },
  "PATCH /businesses/{id}": {
    caller: "applicant",
    target: "business",
    bodies: [{ businessName: "ครัวคลองด่าน สาขา 2", facts: { foodHandlers: 14 } }],
    emptyBodyValid: true,
  },
  "POST /businesses/{id}/applications": {
    caller: "applicant",
    target: "business",
    bodies: [{ licenseTypeIds: [foodLicenseTypeId], answers: { foodHandlers: 12, phone: "021234567" } }],
  },
  // Issue 17: marking a notice of one's own inbox read takes no body.
  "POST /notifications/{id}/read": {
    caller: "applicant",
    target: "none",
    bodies: [{}],
    emptyBodyValid: true,
  },
  // Public and read-only (the license finder): any caller; nothing is written.
  "POST /finder": {
    caller: "applicant",
    target: "none",
    bodies: [
      {
        activity: "restaurant",
        location: "sao-khlong-dan",
        legalForm: "individual",
        floorAreaSqm: 350,
        lpgStorageLitres: 0,
        sellsInPublicPlace: false,
        sellsAlcohol: false,
        sellsTobacco: false,
        hazardousToHealth: false,
        hasSign: true,
        employees: 0,
        buildingWork: "none",
      },
    ],
  },
};

/** Every route that writes, from the manifest: a new one is swept (and must get a sample). */
export const writeRoutes = apiRoutes.filter((r) => r.method !== "GET" && !r.path.startsWith("/local"));
export const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** Every string in a body, with its path: where the sweep puts unsafe text. */
export function stringLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

/** A copy of `body` with the value at `path` replaced. */
export function withValue<T>(body: T, path: (string | number)[], value: unknown): T {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy as T;
}

/** What a caller may type that must never be stored: one of each rule of shared/domain/text-safety. */
export const unsafeStrings: Record<string, string> = {
  bidiOverride: "ร้าน\u202Eอาหาร",
  nul: "ร้าน\u0000อาหาร",
  ansiEscape: "\u001b[31mอนุมัติแล้ว\u001b[0m",
  /** Refused in a single-line field only: multi-line text stores it as "\n" (takesLineBreaks). */
  crlf: "ชื่อ\r\nX-Injected: 1",
  zeroWidthOnly: "\u200B\u200D",
  loneSurrogate: "ร้าน\uD800",
  // Longer than any field allows (findings and minutes: 4,000), small enough to sweep quickly.
  oversize: "ก".repeat(10_001),
};

/**
 * Whether the string at `path` of a body of route `key` is multi-line text (comments, reasons,
 * findings): asked of the route's own schema, so the table names no field. Form fields never are.
 */
export function takesLineBreaks(key: string, body: unknown, path: (string | number)[]): boolean {
  const schema = requestBodies[key];
  return path[0] !== "formData" && !!schema?.safeParse(withValue(body, path, "ข้อ 1\nข้อ 2")).success;
}
