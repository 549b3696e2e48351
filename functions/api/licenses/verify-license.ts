import * as z from "zod";
import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { apiHandler } from "../../../shared/http/api-handler";

/** Anyone may check a license number: only what is printed on the license is disclosed. */
export const handler = apiHandler(
  { authenticated: false, params: z.object({ number: z.string().regex(/^[A-Z0-9-]{5,40}$/) }) },
  async ({ params }) => {
    const license = await applicationStore().getLicense(params.number);
    if (!license) return { body: { number: params.number, valid: false, reason: "notFound" } };
    const expired = license.validUntil !== null && Date.parse(license.validUntil) < clock().now().getTime();
    return {
      body: {
        number: license.number,
        valid: !expired,
        ...(expired ? { reason: "expired" } : {}),
        licenseTypeId: license.licenseTypeId,
        agencyId: license.agencyId,
        businessName: license.businessName,
        issuedAt: license.issuedAt,
        validUntil: license.validUntil,
      },
    };
  },
);
