import type { LicenseType } from "../../catalog/schema";
import type { Application } from "../application/types";
import { problems } from "../errors";
import type { Dependencies } from "./dependencies";

/**
 * The license type an application was filed under: its version of the manual (steps, documents,
 * fees), not whatever version is in force when an officer acts on it later.
 */
export function licenseTypeOf(
  deps: Pick<Dependencies, "catalog">,
  app: Pick<Application, "licenseTypeId" | "manualVersion">,
): LicenseType {
  const licenseType = deps.catalog.licenseType(app.licenseTypeId, app.manualVersion);
  if (!licenseType) throw problems.licenseTypeNotFound(app.licenseTypeId);
  return licenseType;
}
