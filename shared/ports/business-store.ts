import type { LicenseType } from "../catalog/schema";
import type { Application, HistoryEvent } from "../domain/application/types";
import type { Business } from "../domain/business/types";
import type { Page } from "./application-store";
import type { IdempotentResult } from "./idempotency-store";
import type { LicenseCatalog } from "./license-catalog";

/** A draft made from a business's one form, with its creation event. */
export interface BusinessDraft {
  application: Application;
  event: HistoryEvent;
}

/** Businesses of applicants and the applications made for each (issue 16). */
export interface BusinessStore {
  create(business: Business): Promise<void>;
  get(id: string): Promise<Business | undefined>;
  /** Writes on the condition that the stored version is `expectedVersion` (else CONCURRENT_MODIFICATION). */
  update(business: Business, expectedVersion: number): Promise<void>;
  listByOwner(ownerId: string, page: { limit: number; cursor?: string }): Promise<Page<Business>>;
  /**
   * Every draft, its event and its link to the business in one transaction, with the idempotent
   * result when the request had a key: all are created or none.
   */
  createApplications(
    businessId: string,
    drafts: BusinessDraft[],
    idempotency?: IdempotentResult,
  ): Promise<void>;
  /** The ids of the applications made for the business, oldest first. */
  applicationIds(businessId: string): Promise<string[]>;
}

/** The catalog as a business sees it: the license types, and every type to check facts against. */
export interface BusinessCatalog extends LicenseCatalog {
  licenseTypes(): LicenseType[];
}
