import * as z from "zod";
import { findLicenseType } from "../../../shared/catalog";
import { problems } from "../../../shared/domain/errors";
import { apiHandler } from "../../../shared/http/api-handler";

export const handler = apiHandler(
  { authenticated: false, params: z.object({ id: z.string().min(1).max(100) }) },
  async ({ params }) => {
    const licenseType = findLicenseType(params.id);
    if (!licenseType) throw problems.licenseTypeNotFound(params.id);
    return { body: licenseType };
  },
);
