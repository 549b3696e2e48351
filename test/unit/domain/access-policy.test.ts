import { describe, expect, it } from "vitest";
import {
  assertAgencyOfficer,
  assertCanView,
  assertOwner,
  assertRole,
  canView,
} from "../../../shared/domain/access-policy";
import type { Actor } from "../../../shared/domain/actor";
import {
  applicant,
  applicationIn,
  domainErrorOf,
  foreignOfficer,
  officer,
  opdcAdmin,
  otherApplicant,
} from "./fixtures";

const app = applicationIn("SUBMITTED");

describe("who may view an application", () => {
  it.each([
    ["the applicant who owns it", true, applicant],
    ["another applicant", false, otherApplicant],
    ["an officer of the issuing agency", true, officer],
    ["an officer of another agency", false, foreignOfficer],
    ["an OPDC admin", true, opdcAdmin],
  ] as [string, boolean, Actor][])("%s may view it: %s", (_who, expected, actor) => {
    expect(canView(actor, app)).toBe(expected);
  });

  it("does not let the owner's user id alone, without the applicant role, see it", () => {
    expect(canView({ userId: applicant.userId, roles: ["officer"], agencyId: "bma-bang-rak" }, app)).toBe(
      false,
    );
  });

  it("answers 404 APPLICATION_NOT_FOUND to those who may not see it, so its existence does not leak", () => {
    for (const actor of [otherApplicant, foreignOfficer]) {
      const error = domainErrorOf(() => assertCanView(actor, app));
      expect(error.code).toBe("APPLICATION_NOT_FOUND");
      expect(error.kind).toBe("notFound");
    }
    expect(domainErrorOf(() => assertCanView(applicant, undefined)).code).toBe("APPLICATION_NOT_FOUND");
  });
});

describe("who may act as the owner", () => {
  it("lets the owner act", () => {
    expect(() => assertOwner(applicant, app)).not.toThrow();
  });

  it("hides the application from another applicant and an officer of another agency (404)", () => {
    expect(domainErrorOf(() => assertOwner(otherApplicant, app)).kind).toBe("notFound");
    expect(domainErrorOf(() => assertOwner(foreignOfficer, app)).kind).toBe("notFound");
  });

  it("refuses with 403 those who may view but do not own it: the agency officer, the OPDC admin", () => {
    for (const actor of [officer, opdcAdmin]) {
      const error = domainErrorOf(() => assertOwner(actor, app));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.kind).toBe("forbidden");
    }
  });
});

describe("who may act as the agency's officer", () => {
  it("lets an officer of the issuing agency act", () => {
    expect(() => assertAgencyOfficer(officer, app)).not.toThrow();
  });

  it("hides the application from an officer of another agency (404)", () => {
    const error = domainErrorOf(() => assertAgencyOfficer(foreignOfficer, app));
    expect(error.code).toBe("APPLICATION_NOT_FOUND");
    expect(error.kind).toBe("notFound");
  });

  it("lets the OPDC admin view but not act (403), and refuses the owner too (403)", () => {
    expect(() => assertCanView(opdcAdmin, app)).not.toThrow();
    for (const actor of [opdcAdmin, applicant]) {
      const error = domainErrorOf(() => assertAgencyOfficer(actor, app));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.kind).toBe("forbidden");
    }
  });
});

describe("assertRole", () => {
  it("passes with any of the roles and names the roles it wanted otherwise", () => {
    expect(() => assertRole(officer, "applicant", "officer")).not.toThrow();
    const error = domainErrorOf(() => assertRole(applicant, "officer", "opdc-admin"));
    expect(error.kind).toBe("forbidden");
    expect(error.detail).toBe("Requires one of: officer, opdc-admin");
  });
});
