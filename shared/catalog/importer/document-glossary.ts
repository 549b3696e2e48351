import { createHash } from "node:crypto";
import { cleanText } from "./manual-text";

/**
 * Documents most processes ask for, with the key applications use for them and their English name.
 * A document is matched when its whole name (after "สำเนา", the copy prefix, is dropped) is one of
 * these: "บัตรประจำตัวประชาชน และสำเนาทะเบียนบ้านของผู้มีอำนาจลงนาม…" is a different document from
 * either, and gets a key of its own. Names here were reviewed against the manuals 003 and 004.
 */
const glossary: readonly { key: string; nameEn: string; names: readonly string[] }[] = [
  { key: "idCard", nameEn: "Thai national ID card", names: ["บัตรประจำตัวประชาชน"] },
  { key: "houseRegistration", nameEn: "House registration", names: ["ทะเบียนบ้าน"] },
  {
    key: "juristicPersonCertificate",
    nameEn: "Juristic person registration certificate",
    names: ["หนังสือรับรองนิติบุคคล", "หนังสือรับรองการจดทะเบียนนิติบุคคล"],
  },
  { key: "powerOfAttorney", nameEn: "Power of attorney", names: ["หนังสือมอบอำนาจ"] },
  {
    key: "signatoryEvidence",
    nameEn: "Evidence of authority to sign for the juristic person",
    names: ["หลักฐานที่แสดงการเป็นผู้มีอำนาจลงนามแทนนิติบุคคล"],
  },
  { key: "medicalCertificate", nameEn: "Medical certificate", names: ["ใบรับรองแพทย์"] },
  { key: "landTitleDeed", nameEn: "Land title deed", names: ["โฉนดที่ดิน"] },
  { key: "birthCertificate", nameEn: "Birth certificate", names: ["สูติบัตร"] },
  { key: "bankPassbook", nameEn: "Bank passbook", names: ["สมุดบัญชีเงินฝากธนาคาร"] },
  { key: "otherDocuments", nameEn: "Other documents", names: ["อื่นๆ", "อื่น ๆ"] },
];

const withoutCopyPrefix = (name: string) => cleanText(name).replace(/^สำเนา\s*/, "");

export function glossaryEntry(name: string): { key: string; nameEn: string } | undefined {
  const bare = withoutCopyPrefix(name);
  const hit = glossary.find((g) => g.names.includes(bare));
  return hit && { key: hit.key, nameEn: hit.nameEn };
}

/**
 * The key of a document in an application's documents map: the glossary's, else one derived from
 * the name alone, so it stays the same when the manual is imported again and the name is unchanged.
 */
export function documentKey(name: string): string {
  return (
    glossaryEntry(name)?.key ??
    `doc${createHash("sha256").update(withoutCopyPrefix(name)).digest("hex").slice(0, 8)}`
  );
}
