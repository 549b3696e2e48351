import { findLicenseType } from "../../../shared/catalog";
import { finderAuthorities, finderData } from "../../../shared/catalog/finder";
import { findLicenses } from "../../../shared/domain/finder/find-licenses";
import { apiHandler } from "../../../shared/http/api-handler";
import { finderAnswersSchema } from "../../../shared/schemas/finder";

/** Public and read-only: answers in, the licences they lead to out; nothing is stored. */
export const handler = apiHandler({ authenticated: false, body: finderAnswersSchema }, async ({ body }) => ({
  body: findLicenses(
    { data: finderData(), authorities: finderAuthorities(), licenseType: (id) => findLicenseType(id) },
    body,
  ),
}));
