import { ulid } from "ulid";
import type { Page } from "../../ports/application-store";
import type { BusinessCatalog, BusinessDraft, BusinessStore } from "../../ports/business-store";
import { assertRole } from "../access-policy";
import { type Actor, hasRole } from "../actor";
import { createDraft } from "../application/lifecycle";
import { businessProblems } from "../business/errors";
import { factErrors, factFieldIndex } from "../business/facts";
import { normalizeOperator } from "../business/operator-id";
import { prefillForm, profileAnswers, stillMissing, unaskedAnswers } from "../business/prefill";
import { type TrackedLicense, trackApplication, trackLicense } from "../business/smart-track";
import type { Business, BusinessProfile, FactValue } from "../business/types";
import { DomainError } from "../errors";
import type { Dependencies } from "./dependencies";
import { idempotencyContext, idempotent } from "./idempotency";

interface BusinessDeps {
  businesses: BusinessStore;
  catalog: BusinessCatalog;
  clock: Dependencies["clock"];
}

/** A change to the profile: fields given replace; in `facts` and `contacts` a null removes the entry. */
export interface BusinessPatch {
  operator?: BusinessProfile["operator"];
  businessName?: string;
  premisesAddress?: string;
  contacts?: { phone?: string | null; email?: string | null };
  facts?: Record<string, FactValue | null>;
}

/** Only its owner sees a business: anyone else is told it does not exist (nothing leaks). */
function assertBusinessOwner(actor: Actor, business: Business | undefined): asserts business is Business {
  if (!business || !hasRole(actor, "applicant") || business.ownerId !== actor.userId)
    throw businessProblems.businessNotFound();
}

function checkedProfile(catalog: BusinessCatalog, profile: BusinessProfile): BusinessProfile {
  const errors = factErrors(profile.facts, factFieldIndex(catalog.licenseTypes()));
  if (errors.length > 0) throw businessProblems.invalidFacts(errors);
  return { ...profile, operator: normalizeOperator(profile.operator) };
}

export async function createBusiness(
  deps: BusinessDeps,
  actor: Actor,
  profile: BusinessProfile,
): Promise<Business> {
  assertRole(actor, "applicant");
  const checked = checkedProfile(deps.catalog, profile);
  const now = deps.clock.now();
  const at = now.toISOString();
  const business: Business = {
    id: ulid(now.getTime()),
    ownerId: actor.userId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...checked,
  };
  await deps.businesses.create(business);
  return business;
}

export async function listMyBusinesses(
  deps: Pick<BusinessDeps, "businesses">,
  actor: Actor,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Business>> {
  assertRole(actor, "applicant");
  return deps.businesses.listByOwner(
    actor.userId,
    page.cursor ? { limit: page.limit, cursor: page.cursor } : page,
  );
}

/**
 * Optimistic versioning as for applications: the version the client read (body or If-Match) must be
 * the stored one, and the write is conditional on the version read here, so of two concurrent edits
 * one gets 409 and re-reads; nothing typed is silently overwritten.
 */
export async function updateBusiness(
  deps: BusinessDeps,
  actor: Actor,
  id: string,
  patch: BusinessPatch,
  expectedVersion: number | undefined,
): Promise<Business> {
  const business = await deps.businesses.get(id);
  assertBusinessOwner(actor, business);
  if (expectedVersion !== undefined && expectedVersion !== business.version)
    throw businessProblems.businessChanged();
  const profile = checkedProfile(deps.catalog, {
    operator: patch.operator ?? business.operator,
    businessName: patch.businessName ?? business.businessName,
    premisesAddress: patch.premisesAddress ?? business.premisesAddress,
    contacts: merged(business.contacts, patch.contacts) as Business["contacts"],
    facts: merged(business.facts, patch.facts) as Business["facts"],
  });
  const updated: Business = {
    ...business,
    ...profile,
    version: business.version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.businesses.update(updated, business.version);
  return updated;
}

function merged<T>(current: Record<string, T>, patch: Record<string, T | null | undefined> | undefined) {
  const result: Record<string, T> = { ...current };
  for (const [key, value] of Object.entries(patch ?? {}))
    if (value === null) delete result[key];
    else if (value !== undefined) result[key] = value;
  return result;
}

/** Smart Track: the business, every application made for it and every license issued from them. */
export async function viewBusiness(
  deps: Pick<BusinessDeps, "businesses"> & Pick<Dependencies, "store" | "licenses">,
  actor: Actor,
  id: string,
) {
  const business = await deps.businesses.get(id);
  assertBusinessOwner(actor, business);
  const ids = await deps.businesses.applicationIds(id);
  const applications = (await Promise.all(ids.map((appId) => deps.store.get(appId)))).filter(
    (app) => app !== undefined,
  );
  const numbers = [...new Set(applications.flatMap((app) => (app.licenseNumber ? [app.licenseNumber] : [])))];
  const licenses: TrackedLicense[] = [];
  for (const license of await Promise.all(numbers.map((n) => deps.licenses.getLicense(n))))
    if (license) licenses.push(trackLicense(license));
  return { ...business, applications: applications.map(trackApplication), licenses };
}

export interface ApplyForLicensesInput {
  licenseTypeIds: string[];
  answers: Record<string, unknown>;
}

/**
 * One form for many licenses: a draft per license type, each at its own agency, prefilled from the
 * profile and the answers, each validated as a draft against its own form. Any problem with any
 * type refuses the whole request: the drafts are written in one transaction, or none is.
 */
export async function applyForLicenses(
  deps: BusinessDeps & Pick<Dependencies, "idempotency">,
  actor: Actor,
  businessId: string,
  input: ApplyForLicensesInput,
  idempotencyKey?: string,
) {
  return idempotent(
    deps.idempotency,
    idempotencyContext(actor, idempotencyKey, { businessId, apply: input }),
    async (record) => {
      const business = await deps.businesses.get(businessId);
      assertBusinessOwner(actor, business);
      const drafts = draftsFor(deps, actor, business, input);
      const answer = {
        businessId,
        applications: drafts.map(({ application }) => {
          const licenseType = deps.catalog.licenseType(application.licenseTypeId)!;
          return {
            id: application.id,
            licenseTypeId: application.licenseTypeId,
            agencyId: application.agencyId,
            status: application.status,
            version: application.version,
            missingToSubmit: stillMissing(licenseType, application.formData),
          };
        }),
      };
      await deps.businesses.createApplications(businessId, drafts, record?.(answer));
      return answer;
    },
  );
}

function draftsFor(
  deps: BusinessDeps,
  actor: Actor,
  business: Business,
  input: ApplyForLicensesInput,
): BusinessDraft[] {
  const typeErrors: { path: string; message: string }[] = [];
  const licenseTypes = input.licenseTypeIds.flatMap((id, i) => {
    const type = deps.catalog.licenseType(id);
    const path = `licenseTypeIds.${i}`;
    if (!type) typeErrors.push({ path, message: `no license type "${id}"` });
    else if (type.caseType !== "new")
      // Renewals, amendments and cancellations are of a license already held: applied for one at a time.
      typeErrors.push({ path, message: `"${id}" is a ${type.caseType} case, not a new license` });
    else if (input.licenseTypeIds.indexOf(id) !== i)
      typeErrors.push({ path, message: `"${id}" is listed twice` });
    else return [type];
    return [];
  });
  if (typeErrors.length > 0) throw businessProblems.licenseTypesNotApplicable(typeErrors);
  const unasked = unaskedAnswers(licenseTypes, input.answers);
  const formErrors = unasked.map((key) => ({ path: `answers.${key}`, message: "no chosen form asks this" }));
  const fromProfile = profileAnswers(business);
  const now = deps.clock.now();
  const drafts: BusinessDraft[] = [];
  for (const [i, licenseType] of licenseTypes.entries()) {
    try {
      const { application, event } = createDraft({
        id: ulid(now.getTime() + i),
        licenseType,
        applicant: actor,
        formData: prefillForm(licenseType, fromProfile, input.answers),
        now,
      });
      drafts.push({ application: { ...application, businessId: business.id }, event });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") throw error;
      for (const e of error.errors ?? [{ path: "", message: error.message }])
        formErrors.push({
          path: `forms.${licenseType.id}.${e.path.replace(/^formData\.?/, "")}`,
          message: e.message,
        });
    }
  }
  if (formErrors.length > 0) throw businessProblems.invalidAnswers(formErrors);
  return drafts;
}
