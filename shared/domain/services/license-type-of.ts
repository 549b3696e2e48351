import type { LicenseType } from "../../catalog/schema";
import type { Application } from "../application/types";
import { problems } from "../errors";
import type { Dependencies } from "./dependencies";

export function licenseTypeOf(
  deps: Pick<Dependencies, "catalog">,
  app: Pick<Application, "licenseTypeId">,
): LicenseType {
  const licenseType = deps.catalog.licenseType(app.licenseTypeId);
  if (!licenseType) throw problems.licenseTypeNotFound(app.licenseTypeId);
  return licenseType;
}
