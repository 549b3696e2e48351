import { type Agency, agencySchema } from "./schema";

/** Agencies known to the catalog. Addresses as the manual's cover and service channels give them. */
export const agencies: readonly Agency[] = [
  {
    id: "sao-khlong-dan",
    nameTh: "องค์การบริหารส่วนตำบลคลองด่าน",
    nameEn: "Khlong Dan Subdistrict Administrative Organization",
    kind: "sao",
    code: "KD",
    address: "ถนนปานวิถี อำเภอบางบ่อ จังหวัดสมุทรปราการ 10550 โทร 02-707-5727-9",
  },
  {
    id: "sao-wang-hin",
    nameTh: "องค์การบริหารส่วนตำบลวังหิน",
    nameEn: "Wang Hin Subdistrict Administrative Organization",
    kind: "sao",
    code: "WH",
    // 003's page footer: «องค์การบริหารส่วนตำบลวังหิน อำเภอบางขัน จังหวัดนครศรีธรรมราช»
    address: "อำเภอบางขัน จังหวัดนครศรีธรรมราช",
  },
  {
    id: "opdc",
    nameTh: "สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)",
    nameEn: "Office of the Public Sector Development Commission (OPDC)",
    kind: "opdc",
    code: "OPDC",
    address: "59/1 ถนนพิษณุโลก เขตดุสิต กรุงเทพมหานคร 10300",
  },
].map((a) => agencySchema.parse(a));

export function findAgency(id: string): Agency | undefined {
  return agencies.find((a) => a.id === id);
}
