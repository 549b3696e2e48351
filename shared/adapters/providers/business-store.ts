import { allLicenseTypes, fileLicenseCatalog } from "../../catalog";
import type { BusinessCatalog, BusinessStore } from "../../ports/business-store";
import { DynamoDbBusinessStore } from "../dynamodb/business-store";
import { documentClient } from "../dynamodb/document-client";
import { env } from "../environment";
import { provider } from "./provider";

export const businessStore = provider<BusinessStore>(
  () => new DynamoDbBusinessStore(documentClient(), env.tableName()),
);

/** Facts are checked against every form of the catalog, so the business handlers read all types. */
export const businessCatalog = provider<BusinessCatalog>(() => ({
  ...fileLicenseCatalog,
  licenseTypes: allLicenseTypes,
}));
