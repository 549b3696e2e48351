import { allLicenseTypes } from "../../../shared/catalog";
import { apiHandler } from "../../../shared/http/api-handler";

export const handler = apiHandler({ authenticated: false }, async () => ({
  body: {
    items: allLicenseTypes().map((t) => ({
      id: t.id,
      nameTh: t.nameTh,
      nameEn: t.nameEn,
      agencyId: t.agencyId,
      caseType: t.caseType,
      totalDuration: t.manual.totalDuration,
    })),
  },
}));
