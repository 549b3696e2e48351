import { DomainError } from "../errors";

/** The errors of businesses and of applying for many licenses at once (issue 16); stable codes. */
export const businessProblems = {
  businessNotFound: () =>
    new DomainError({
      code: "BUSINESS_NOT_FOUND",
      kind: "notFound",
      titleTh: "ไม่พบข้อมูลกิจการ",
      titleEn: "Business not found",
    }),
  invalidOperatorId: (detail: { en: string; th: string }) =>
    new DomainError({
      code: "INVALID_OPERATOR_ID",
      kind: "validation",
      titleTh: "เลขประจำตัวผู้ประกอบการไม่ถูกต้อง",
      titleEn: "The operator's identification number is not valid",
      detail: detail.en,
      detailTh: detail.th,
    }),
  invalidFacts: (errors: { path: string; message: string }[]) =>
    new DomainError({
      // Facts are the forms' answers kept once: refused with the forms' own code, each at its path.
      code: "INVALID_FORM_DATA",
      kind: "validation",
      titleTh: "ข้อมูลข้อเท็จจริงของกิจการไม่ตรงกับที่แบบคำขอถาม",
      titleEn: "The business facts do not match what the license forms ask",
      errors,
    }),
  businessChanged: (options?: ErrorOptions) =>
    new DomainError(
      {
        // The same code as for applications: clients handle every lost optimistic lock alike.
        code: "CONCURRENT_MODIFICATION",
        kind: "conflict",
        titleTh: "ข้อมูลกิจการถูกแก้ไขโดยผู้อื่นในขณะเดียวกัน กรุณาโหลดข้อมูลใหม่",
        titleEn: "The business was changed by someone else at the same time; reload it",
      },
      options,
    ),
  licenseTypesNotApplicable: (errors: { path: string; message: string }[]) =>
    new DomainError({
      code: "LICENSE_TYPES_NOT_APPLICABLE",
      kind: "validation",
      titleTh: "ไม่สามารถยื่นคำขอใบอนุญาตบางประเภทที่เลือกได้ จึงไม่มีการสร้างคำขอใด",
      titleEn: "Some of the chosen license types cannot be applied for here; nothing was created",
      errors,
    }),
  invalidAnswers: (errors: { path: string; message: string }[]) =>
    new DomainError({
      code: "INVALID_FORM_DATA",
      kind: "validation",
      titleTh: "ข้อมูลในแบบคำขอไม่ถูกต้องตามประเภทใบอนุญาต จึงไม่มีการสร้างคำขอใด",
      titleEn: "The answers do not match the license types' forms; nothing was created",
      errors,
    }),
};
