import foodPremisesOver200 from "./license-types/food-premises-over-200sqm-klong-dan.json" with {
  type: "json",
};
import { type LicenseType, licenseTypeSchema } from "./schema";

/**
 * The license catalog. Entries are data transcribed from the citizen manuals (seeds), validated
 * against the schema when the module loads, so a broken entry fails every test at once.
 */
export const licenseTypes: readonly LicenseType[] = [foodPremisesOver200].map((entry) =>
  licenseTypeSchema.parse(entry),
);

export function findLicenseType(id: string): LicenseType | undefined {
  return licenseTypes.find((t) => t.id === id);
}

export { agencies, findAgency } from "./agencies";
export * from "./schema";
