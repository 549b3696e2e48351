import { fileLicenseCatalog } from "../../catalog";
import type { LicenseCatalog } from "../../ports/license-catalog";
import { provider } from "./provider";

export const licenseCatalog = provider<LicenseCatalog>(() => fileLicenseCatalog);
