import { applicationStore, licenseRegister } from "../../../shared/adapters/providers/application-store";
import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { assertCanView } from "../../../shared/domain/access-policy";
import { DomainError } from "../../../shared/domain/errors";
import { assertAssignedToView } from "../../../shared/domain/services/officer-access";
import { apiHandler } from "../../../shared/http/api-handler";
import { applicationParams } from "./params";

export const handler = apiHandler({ params: applicationParams }, async ({ params, actor }) => {
  const app = await applicationStore().get(params.id);
  assertCanView(actor, app);
  await assertAssignedToView({ officers: officerDirectory() }, actor, app);
  const license = app.licenseNumber ? await licenseRegister().getLicense(app.licenseNumber) : undefined;
  if (!license)
    throw new DomainError({
      code: "LICENSE_NOT_ISSUED",
      kind: "notFound",
      titleTh: "ยังไม่ได้ออกใบอนุญาตสำหรับคำขอนี้",
      titleEn: "No license has been issued for this application",
    });
  return { body: license };
});
