import { findLicenseType, type LicenseType } from "../../catalog";
import type { Application } from "../application/types";
import { problems } from "../errors";

export function licenseTypeOf(app: Pick<Application, "licenseTypeId">): LicenseType {
  const licenseType = findLicenseType(app.licenseTypeId);
  if (!licenseType) throw problems.licenseTypeNotFound(app.licenseTypeId);
  return licenseType;
}
