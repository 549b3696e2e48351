import type { FinderData } from "../../catalog/finder/schema";
import type { Agency, LicenseType } from "../../catalog/schema";

/**
 * `GET /catalog/business-types`: each activity with the licences its rules lead to (which of them a
 * business needs depends on its other answers, POST /finder): the catalog's license types per
 * authority, and the national licences this deployment cannot issue.
 */
export interface BusinessTypeListing {
  id: string;
  nameTh: string;
  nameEn: string;
  source: string;
  implies: Record<string, string | number | boolean>;
  licenses: LinkedLicense[];
}

export interface LinkedLicense {
  ruleId: string;
  nameTh: string;
  nameEn: string;
  applyableHere: boolean;
  /** Local licences: the catalog entry of each authority that has one. */
  licenseTypes: { authority: string; id: string; nameTh: string; nameEn: string }[];
  /** National licences: the agency that issues it. */
  national: { id: string; agency: { nameTh: string; nameEn: string }; source: string } | null;
}

export function listBusinessTypes(
  data: FinderData,
  authorities: readonly Agency[],
  licenseType: (id: string) => LicenseType | undefined,
): BusinessTypeListing[] {
  return data.businessTypes.map((type) => ({
    id: type.id,
    nameTh: type.nameTh,
    nameEn: type.nameEn,
    source: type.source,
    implies: type.implies,
    licenses: type.rules.map((ruleId): LinkedLicense => {
      const rule = data.rules.find((r) => r.id === ruleId)!;
      if (rule.national !== undefined) {
        const license = data.nationalLicenses.find((l) => l.id === rule.national)!;
        return {
          ruleId,
          nameTh: license.nameTh,
          nameEn: license.nameEn,
          applyableHere: false,
          licenseTypes: [],
          national: { id: license.id, agency: license.agency, source: license.source },
        };
      }
      const local = rule.local!;
      const licenseTypes = authorities.flatMap((a) => {
        const link = local.byAuthority[a.id];
        const entry = link ? licenseType(link.licenseTypeId) : undefined;
        return entry ? [{ authority: a.id, id: entry.id, nameTh: entry.nameTh, nameEn: entry.nameEn }] : [];
      });
      return {
        ruleId,
        nameTh: local.nameTh,
        nameEn: local.nameEn,
        applyableHere: licenseTypes.length > 0,
        licenseTypes,
        national: null,
      };
    }),
  }));
}
