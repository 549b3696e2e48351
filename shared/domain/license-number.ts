/**
 * License numbers: <agency code>-<license type code>-<Buddhist Era year>-<6-digit sequence>,
 * e.g. KD-FOOD200-2569-000001. The BE year is the Bangkok calendar year of issue + 543.
 */
export function formatLicenseNumber(
  agencyCode: string,
  typeCode: string,
  issuedAt: Date,
  seq: number,
): string {
  const bangkokYear = new Date(issuedAt.getTime() + 7 * 3600_000).getUTCFullYear();
  return `${agencyCode}-${typeCode}-${bangkokYear + 543}-${String(seq).padStart(6, "0")}`;
}

export function licenseSequenceScope(agencyCode: string, typeCode: string, issuedAt: Date): string {
  return formatLicenseNumber(agencyCode, typeCode, issuedAt, 0).replace(/-0+$/, "");
}
