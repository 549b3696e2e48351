import { type Detail, DomainError, detailOf } from "./domain-error";

/** The errors of officer accounts: bound to a national ID, one agency and the license types assigned. */
export const officerProblems = {
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
};
