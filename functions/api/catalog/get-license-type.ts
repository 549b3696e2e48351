import * as z from "zod/mini";
import { findLicenseType } from "../../../shared/catalog";
import { licenseTypeDetail } from "../../../shared/catalog/public/detail";
import { problems } from "../../../shared/domain/errors";
import { apiHandler } from "../../../shared/http/api-handler";
import { cacheableResult } from "../../../shared/http/cacheable";

export const handler = apiHandler(
  { authenticated: false, params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }) },
  async ({ params, event }) => {
    const licenseType = findLicenseType(params.id);
    if (!licenseType) throw problems.licenseTypeNotFound(params.id);
    return cacheableResult(event, licenseTypeDetail(licenseType));
  },
);
