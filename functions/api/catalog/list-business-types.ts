import { findLicenseType } from "../../../shared/catalog";
import { finderAuthorities, finderData } from "../../../shared/catalog/finder";
import { listBusinessTypes } from "../../../shared/domain/finder/business-types";
import { apiHandler } from "../../../shared/http/api-handler";
import { cacheableResult } from "../../../shared/http/cacheable";

export const handler = apiHandler({ authenticated: false }, async ({ event }) =>
  cacheableResult(event, {
    items: listBusinessTypes(finderData(), finderAuthorities(), (id) => findLicenseType(id)),
  }),
);
